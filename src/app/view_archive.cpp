// view_archive.cpp: what only an archive (many episodes) shows: loading progress while episodes
// are indexed in time slices, the archive timeline (episodes by date, query hits per episode) and
// the recurring topics the strips are coloured by ("which episodes talk about X").
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: the table's visible rows, to scroll the cursor row into view

#include <algorithm>
#include <utility>

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
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(w, h));
    // as much of it as fits whole (in a 240 px embed it ran on past the edge: "... · all se")
    const std::string episodes = count_noun(m_model.episode_count(), "episode", "episodes");
    std::string s = episodes + " \xC2\xB7 " + count_noun(m_model.total_words(), "word", "words");
    if (ImGui::CalcTextSize((s + " \xC2\xB7 all searchable").c_str()).x <= w) s += " \xC2\xB7 all searchable";
    else if (ImGui::CalcTextSize(s.c_str()).x > w) s = episodes;
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
        if (!m_model.query().empty()) title += "\n" + count_noun(m_model.hits_in_episode(r.episode), "match", "matches");
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

// The recurring topics the strips are coloured by (AppModel::recurring_topics), most episodes
// first: swatch, label, episodes. Choosing one keeps only its episodes in the list below (see
// draw_episodes) and dims every other topic on the strip; choosing it again shows all.
void App::draw_archive_topics() {
    m_topic_rows_drawn.clear();
    m_topic_list_note.clear();
    if (m_model.recurring_pending()) {  // the list comes with the colours, after every episode's topics
        m_topic_list_note = "Recurring topics: finding recurring topics\xE2\x80\xA6";
    } else if (m_model.recurring_known() && m_model.recurring_topics().empty()) {
        m_topic_list_note = "Recurring topics: no topic recurs across episodes";
    }
    if (!m_topic_list_note.empty()) {
        ImGui::TextDisabled("%s", m_topic_list_note.c_str());
        ImGui::Separator();
        return;
    }
    const auto& order = m_model.recurring_by_episodes();
    if (order.empty()) return;  // a bundle loaded at once: its strips are coloured per episode
    const auto& topics = m_model.recurring_topics();
    const int chosen = m_model.chosen_recurring();
    ImGui::TextDisabled("Recurring topics \xC2\xB7 %zu", order.size());
    int shown_all = 0;
    if (chosen >= 0) {
        ImGui::SameLine();
        if ((shown_all = show_all_button("Show all episodes", Part::ShowAllEpisodes, Part::RecurringTopics))) m_model.choose_recurring(-1);
    }
    // While the rows have the keys (Tab), ↑/↓ (PageUp/PageDown, Home/End) move a cursor row,
    // starting at the chosen topic; Enter or Space chooses it (or shows all again), as a click does.
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float rows = std::min(5.5f, float(order.size()) + 1.2f);  // + the header row
    const auto at_chosen = std::find(order.begin(), order.end(), uint32_t(std::max(chosen, 0)));
    const int start = chosen >= 0 && at_chosen != order.end() ? int(at_chosen - order.begin()) : 0;
    if (cursor_rows(Part::RecurringTopics, m_recurring_cursor, m_recurring_scroll, int(order.size()), start, shown_all == 2, int(rows - 1.2f))) {
        const int g = int(order[size_t(m_recurring_cursor)]);
        m_model.choose_recurring(g == m_model.chosen_recurring() ? -1 : g);
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("recurring_topics", 2, flags, ImVec2(0, row_h * rows))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 4.f);
        ImGui::TableSetupColumn("In", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableHeadersRow();
        const float header_bottom = ImGui::GetItemRectMax().y;
        ImVec2 cursor_a, cursor_b;
        bool cursor_drawn = false;
        ImGuiListClipper clip;
        clip.Begin(int(order.size()));
        if (m_recurring_scroll && m_recurring_cursor >= 0) clip.ForceDisplayRangeByIndices(m_recurring_cursor, m_recurring_cursor + 1);
        while (clip.Step()) {
            for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
                const int g = int(order[size_t(k)]);
                const RecurringTopicRow& rt = topics[size_t(g)];
                ImGui::PushID(g);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                // the swatch: the colour this topic's segments have on every strip
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float fs = ImGui::GetFontSize();
                const ImVec2 s0(at.x, at.y + 0.15f * fs), s1(at.x + 0.8f * fs, at.y + 0.95f * fs);
                ImGui::GetWindowDrawList()->AddRectFilled(s0, s1, rt.color, 2.f);
                const ImVec2 label_at(at.x + 1.1f * fs, at.y);
                ImGui::SetCursorScreenPos(label_at);
                if (ImGui::Selectable("##recurring", g == chosen, ImGuiSelectableFlags_SpanAllColumns))
                    m_model.choose_recurring(g == chosen ? -1 : g);
                const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
                const bool hovered = ImGui::IsItemHovered();
                if (k == m_recurring_cursor) {  // the keyboard's row: hover colour, and a 1 px ring drawn after the table
                    cursor_a = r0;
                    cursor_b = r1;
                    cursor_drawn = true;
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.6f));
                    const ImGuiWindow* w = ImGui::GetCurrentWindow();
                    if (std::exchange(m_recurring_scroll, false) && (r0.y < header_bottom || r1.y > w->InnerClipRect.Max.y))
                        ImGui::SetScrollHereY(0.5f);
                }
                ImGui::SetCursorScreenPos(label_at);
                if (text_ellipsis(rt.label, ImGui::GetContentRegionAvail().x) && hovered) tooltip_text(rt.label);
                ImGui::TableSetColumnIndex(1);
                ImGui::TextDisabled("%s", count_noun(rt.episodes.size(), "episode", "episodes").c_str());
                m_topic_rows_drawn.push_back({g, {r0.x, r0.y, r1.x - r0.x, r1.y - r0.y}, {s0.x, s0.y, s1.x - s0.x, s1.y - s0.y}});
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
        const ImVec2 t0 = ImGui::GetItemRectMin(), t1 = ImGui::GetItemRectMax();
        if (cursor_drawn) {  // within the table's rows: a row scrolled half under the header is cut
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->PushClipRect(ImVec2(t0.x, header_bottom), t1, true);
            dl->AddRect(cursor_a, cursor_b, ImGui::GetColorU32(ImGuiCol_NavHighlight), 2.f, 0, 1.f);
            dl->PopClipRect();
        }
        keyboard_part(Part::RecurringTopics);
    }
    ImGui::Separator();
}

}  // namespace tx
