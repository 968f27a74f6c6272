#include "app/app.h"

#include <imgui.h>

#include <algorithm>

namespace tx {

void App::frame(const AppFonts& fonts) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Transcript Explorer", nullptr, flags);
    switch (m_model.phase()) {
        case LoadPhase::Ready: draw_ready(fonts); break;
        case LoadPhase::Error: draw_error(); break;
        default: draw_loading(); break;
    }
    ImGui::End();
}

void App::draw_loading() {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float w = std::min(avail.x * 0.6f, 420.f);
    ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.45f));
    ImGui::BeginGroup();
    ImGui::Text("Loading transcript: %s", load_phase_name(m_model.phase()));
    ImGui::ProgressBar(m_model.progress(), ImVec2(w, 0));
    ImGui::EndGroup();
}

void App::draw_error() {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.2f, 1));
    ImGui::TextUnformatted("This transcript could not be opened");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", m_model.error().message.c_str());
}

void App::draw_ready(const AppFonts& fonts) {
    const auto& eps = m_model.episodes();
    if (fonts.large) ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(eps.empty() ? "" : eps[0].meta.title.c_str());
    if (fonts.large) ImGui::PopFont();
    ImGui::TextDisabled("%zu episode(s), %zu words", eps.size(), m_model.total_words());
    ImGui::Separator();
    ImGui::BeginChild("reader", ImVec2(0, 0), false);
    if (!eps.empty()) {
        // First lines of the transcript, wrapped at a comfortable measure.
        const std::string& text = eps[0].text;
        size_t n = std::min<size_t>(text.size(), 4000);
        while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
        float measure = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 38.f);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + measure);
        ImGui::TextUnformatted(text.data(), text.data() + n);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
}

}  // namespace tx
