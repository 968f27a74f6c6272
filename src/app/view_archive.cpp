// view_archive.cpp: what only an archive (many episodes) shows: loading progress while episodes
// are indexed in time slices, the archive timeline (episodes by date, query hits per episode) and
// the recurring topics ("which episodes talk about X").
#include <imgui.h>

#include <algorithm>

#include "app/app.h"
#include "app/model/search_status.h"

namespace tx {

void App::draw_archive_progress() {
    float fraction = 0.f;
    const std::string overlay = archive_progress(m_model, fraction);
    ImGui::ProgressBar(fraction, ImVec2(-1, ImGui::GetTextLineHeight() * 1.1f), overlay.c_str());
    m_animating = true;
}

void App::draw_archive_summary() {
    const float h = ImGui::GetTextLineHeight() * 1.1f;  // the progress bar's height
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, h));
    const std::string s = count_noun(m_model.episode_count(), "episode", "episodes") + " \xC2\xB7 " +
                          count_noun(m_model.total_words(), "word", "words") + " \xC2\xB7 all searchable";
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x, p.y + (h - ImGui::GetFontSize()) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_TextDisabled), s.c_str());
}

void App::draw_archive_timeline(float height) {
    const auto& rows = m_model.archive_timeline();
    if (rows.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("archive_timeline", ImVec2(w, height));
    bool hovered = ImGui::IsItemHovered();
    bool clicked = ImGui::IsItemClicked();
    // x position: by date when dated (undated episodes follow in order), else by bundle order
    int32_t d0 = -1, d1 = -1;
    size_t undated = 0;
    for (const auto& r : rows) {
        if (r.day < 0) { ++undated; continue; }
        if (d0 < 0) d0 = r.day;
        d1 = r.day;
    }
    size_t n = rows.size();
    float span_dated = undated == n ? 0.f : w * float(n - undated) / float(n);
    auto x_of = [&](size_t i) {
        const auto& r = rows[i];
        if (r.day >= 0 && d1 > d0) return p0.x + span_dated * float(r.day - d0) / float(d1 - d0);
        return p0.x + w * (float(i) + 0.5f) / float(n);
    };
    uint32_t max_hits = 0;
    for (const auto& r : rows) max_hits = std::max(max_hits, m_model.hits_in_episode(r.episode));
    ImU32 base = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f);
    ImU32 hit = m_dark ? IM_COL32(255, 196, 64, 255) : IM_COL32(214, 120, 0, 255);
    ImU32 cur = ImGui::GetColorU32(ImGuiCol_Text);
    float bw = std::max(1.f, std::min(6.f, w / float(n) - 1.f));
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.f);
    int hover_i = -1;
    float mx = ImGui::GetIO().MousePos.x, best = 1e9f;
    for (size_t i = 0; i < n; ++i) {
        const auto& r = rows[i];
        float x = x_of(i);
        bool indexed = r.episode < m_model.indexed_episodes();
        uint32_t h = m_model.hits_in_episode(r.episode);
        float frac = max_hits ? float(h) / float(max_hits) : 0.f;
        float top = p0.y + height - 3.f - (height - 6.f) * (h ? std::max(0.15f, frac) : 0.12f);
        dl->AddRectFilled(ImVec2(x - bw * 0.5f, top), ImVec2(x + bw * 0.5f, p0.y + height - 3.f),
                          h ? hit : indexed ? base : ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.12f));
        if (r.episode == m_model.episode())
            dl->AddRect(ImVec2(x - bw * 0.5f - 1.5f, p0.y + 1.f), ImVec2(x + bw * 0.5f + 1.5f, p0.y + height - 1.f), cur, 2.f);
        if (hovered && std::abs(x - mx) < best) { best = std::abs(x - mx); hover_i = int(i); }
    }
    if (hover_i >= 0) {
        const auto& r = rows[size_t(hover_i)];
        const EpisodeMeta& meta = m_model.episode_meta(r.episode);
        std::string title = meta.title.empty() ? "Episode " + std::to_string(r.episode + 1) : meta.title;
        if (!meta.date.empty()) title = meta.date + "  " + title;
        if (!m_model.query().empty()) title += "\n" + count_noun(m_model.hits_in_episode(r.episode), "hit", "hits");
        ImGui::SetTooltip("%s", title.c_str());
        if (clicked) {
            // open the episode at its first hit when searching, else at its start
            const auto& occ = m_model.occurrences();
            auto it = std::find_if(occ.begin(), occ.end(), [&](const MatchRef& o) { return o.episode == r.episode; });
            if (it != occ.end()) m_model.seek_word(r.episode, it->word);
            else m_model.seek(r.episode, 0);
        }
    }
}

void App::draw_archive_topics() {
    const auto& topics = m_model.archive_topics();
    if (topics.empty()) return;
    ImGui::TextDisabled("Recurring topics");
    ImGui::SameLine();
    std::string preview = m_archive_topic >= 0 && size_t(m_archive_topic) < topics.size()
                              ? topics[size_t(m_archive_topic)].label + " (" + count_noun(topics[size_t(m_archive_topic)].episodes.size(), "episode", "episodes") + ")"
                              : std::string("Which episodes talk about\xE2\x80\xA6");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##archive_topic", preview.c_str())) {
        for (size_t i = 0; i < topics.size(); ++i) {
            std::string item = topics[i].label + "  (" + std::to_string(topics[i].episodes.size()) + ")";
            if (ImGui::Selectable(item.c_str(), int(i) == m_archive_topic)) m_archive_topic = int(i);
        }
        ImGui::EndCombo();
    }
    if (m_archive_topic >= 0 && size_t(m_archive_topic) < topics.size()) {
        const ArchiveTopicRow& t = topics[size_t(m_archive_topic)];
        ImGui::BeginChild("archive_topic_eps", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * std::min<float>(6.f, float(t.episodes.size()) + 0.5f)), false);
        for (uint32_t e : t.episodes) {
            const EpisodeMeta& meta = m_model.episode_meta(e);
            std::string title = meta.title.empty() ? "Episode " + std::to_string(e + 1) : meta.title;
            ImGui::PushID(int(e));
            if (ImGui::Selectable(title.c_str(), e == m_model.episode())) m_model.seek(e, 0);
            ImGui::PopID();
        }
        ImGui::EndChild();
        if (ImGui::SmallButton("Search for it")) m_model.set_query(t.label);
    }
    ImGui::Separator();
}

}  // namespace tx
