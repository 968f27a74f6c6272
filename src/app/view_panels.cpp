// view_panels.cpp: the topics panel (the creator's chapters first when the episode has them, a
// click reads from a chapter's start; then topics: keywords, share of time, occurrences; click
// highlights the topic on the timeline and jumps to it) and the episode list (title, date, duration, hits).
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: the episode filter lets go before ImGui sees Escape

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "app/app.h"
#include "app/model/search_status.h"

namespace tx {

void App::choose_topic(size_t i) {
    const TopicRow& t = m_model.topics()[i];
    const bool sel = m_model.highlighted_group() == int(t.group);
    m_model.set_highlighted_group(sel ? -1 : int(t.group));  // a second choice of it shows all again
    m_model.seek(m_model.episode(), t.start_ms);
}

int App::show_all_button(const char* label, Part p, Part rows) {
    int pressed = 0;
    if (ImGui::SmallButton(label) || activated(p)) {
        pressed = m_part == p ? 2 : 1;
        if (pressed == 2) set_part(rows);  // the button goes away: the rows keep the keys
    }
    keyboard_part(p);
    return pressed;
}

bool App::cursor_rows(Part p, int& cursor, bool& scroll, int n, int start, bool hold, int page) {
    if (m_part != p) { cursor = -1; return false; }
    if (ImGui::GetIO().WantTextInput || hold || n <= 0) return false;
    if (cursor < 0 || cursor >= n) cursor = std::clamp(start, 0, n - 1);
    const int to = list_keys(cursor, n, page);
    if (to >= 0 && to != cursor) { cursor = to; scroll = true; }
    return activated(p);
}

// The keyboard's row of a list table (the item just drawn): hover colour, scrolled into view when
// `scroll` asks; a, b: its rect, for the 1 px ring drawn after the table.
static void mark_cursor_row(bool& scroll, ImVec2& a, ImVec2& b) {
    a = ImGui::GetItemRectMin();
    b = ImGui::GetItemRectMax();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.6f));
    if (std::exchange(scroll, false) && (a.y < ImGui::GetWindowPos().y || b.y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight()))
        ImGui::SetScrollHereY(0.5f);
}

void App::draw_chapters(int cursor_row, ImVec2& cursor_a, ImVec2& cursor_b) {
    const auto& chapters = m_model.episode_meta(m_model.episode()).chapters;
    if (!ImGui::BeginTable("chapters", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("Chapter", ImGuiTableColumnFlags_WidthStretch, 4.f);
    ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < chapters.size(); ++i) {
        ImGui::PushID(int(i));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const ImVec2 label_pos = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##chapter", false, ImGuiSelectableFlags_SpanAllColumns)) m_model.seek(m_model.episode(), chapters[i].start_ms);
        count_list_row();
        const bool hovered = ImGui::IsItemHovered();
        if (int(i) == cursor_row) mark_cursor_row(m_topic_scroll, cursor_a, cursor_b);
        ImGui::SetCursorScreenPos(label_pos);
        if (text_ellipsis(chapters[i].title, ImGui::GetContentRegionAvail().x) && hovered) tooltip_text(chapters[i].title);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextDisabled("%s", format_time(chapters[i].start_ms).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void App::draw_topics() {
    const auto& topics = m_model.topics();
    const auto& groups = m_model.topic_groups();
    const auto& chapters = m_model.episode_meta(m_model.episode()).chapters;  // the creator's, listed first
    const int nch = int(chapters.size());
    ImGui::BeginChild("topics_list", ImVec2(0, 0), false);
    if (topics.empty() && chapters.empty()) {
        ImGui::TextDisabled("No topics were computed for this episode.");
        ImGui::EndChild();
        return;
    }
    float dur = float(std::max<uint32_t>(1, m_model.episode_meta(m_model.episode()).duration_ms));
    const int shown_all = m_model.highlighted_group() >= 0 ? show_all_button("Show all topics", Part::ShowAllTopics, Part::List) : 0;
    if (shown_all) m_model.set_highlighted_group(-1);
    // While the list has the keys, ↑/↓ (PageUp/PageDown, Home/End) move a cursor row over the
    // chapters, then the topics, starting at the chapter (else the topic) being read; Enter or
    // Space chooses it, as a click does.
    int start = 0;
    for (int i = 0; i < nch; ++i) if (chapters[size_t(i)].start_ms <= m_model.time_ms()) start = i;
    if (nch == 0)
        for (size_t i = 0; i < topics.size(); ++i) if (topics[i].start_ms <= m_model.time_ms()) start = int(i);
    if (cursor_rows(Part::List, m_topic_cursor, m_topic_scroll, nch + int(topics.size()), start, shown_all == 2)) {
        if (m_topic_cursor < nch) m_model.seek(m_model.episode(), chapters[size_t(m_topic_cursor)].start_ms);
        else choose_topic(size_t(m_topic_cursor - nch));
    }
    ImVec2 cursor_a, cursor_b;
    if (nch > 0) {
        draw_chapters(m_topic_cursor, cursor_a, cursor_b);
        if (topics.empty()) ImGui::TextDisabled("No topics were computed for this episode.");
        else ImGui::Spacing();
    }
    // each topic's share of the episode and where it starts (with how often its group comes back)
    std::vector<std::string> shares, wheres;
    float share_w = ImGui::CalcTextSize("Time").x, where_w = ImGui::CalcTextSize("Where").x;
    for (const TopicRow& t : topics) {
        char pct[16];
        std::snprintf(pct, sizeof pct, "%.0f%%", 100.f * float(t.end_ms - t.start_ms) / dur);
        shares.push_back(pct);
        const TopicGroupRow* g = nullptr;
        for (const auto& gr : groups) if (gr.id == t.group) g = &gr;
        wheres.push_back(format_time(t.start_ms) + (g && g->occurrences > 1 ? " (" + std::to_string(g->occurrences) + "\xC3\x97)" : ""));
        share_w = std::max(share_w, ImGui::CalcTextSize(shares.back().c_str()).x);
        where_w = std::max(where_w, ImGui::CalcTextSize(wheres.back().c_str()).x);
    }
    // Time and Where as wide as their widest value, the label the rest: stretched 4:1:1, a narrow
    // embed cut the times mid-number ("1:08:", "44:2"). Under 20 em (a blog's sidebar) the
    // share of time is left out, for the label's sake.
    const bool share_col = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 20;
    if (!topics.empty() && ImGui::BeginTable("topics", share_col ? 3 : 2, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch);
        if (share_col) ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, std::ceil(share_w));
        ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, std::ceil(where_w));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < topics.size(); ++i) {
            const TopicRow& t = topics[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImVec2 p = ImGui::GetCursorScreenPos();
            float fs = ImGui::GetFontSize();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + fs * 0.6f, p.y + fs), t.color, 2.f);
            ImGui::SetCursorScreenPos(ImVec2(p.x + fs * 0.9f, p.y));
            bool sel = m_model.highlighted_group() == int(t.group);
            const ImVec2 label_pos = ImGui::GetCursorScreenPos();
            // the row's selectable has no label of its own: a label drawn by it would run into the
            // next columns (SpanAllColumns), so the label is drawn in its column, cut with "…"
            if (ImGui::Selectable("##topic", sel, ImGuiSelectableFlags_SpanAllColumns)) choose_topic(i);
            count_list_row();
            const bool hovered = ImGui::IsItemHovered();
            if (int(i) + nch == m_topic_cursor) mark_cursor_row(m_topic_scroll, cursor_a, cursor_b);  // the keyboard's row
            ImGui::SetCursorScreenPos(label_pos);
            const bool cut = text_ellipsis(t.label, ImGui::GetContentRegionAvail().x);
            if (hovered && (cut || !t.keywords.empty())) {
                std::string tip = cut ? t.label : std::string();
                for (size_t k = 0; k < t.keywords.size(); ++k)
                    tip += (k == 0 ? (tip.empty() ? "" : "\n") : ", ") + t.keywords[k];
                tooltip_text(tip);
            }
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            for (int c = share_col ? 1 : 2; c <= 2; ++c) {  // cut (and told: ellipsized) only if a column were narrower than its values
                ImGui::TableSetColumnIndex(share_col ? c : 1);
                text_ellipsis(c == 1 ? shares[i] : wheres[i], ImGui::GetContentRegionAvail().x);
            }
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (m_topic_cursor >= 0)  // drawn after the tables: the ring is not covered by the next row
        ImGui::GetWindowDrawList()->AddRect(cursor_a, cursor_b, ImGui::GetColorU32(ImGuiCol_NavHighlight), 2.f, 0, 1.f);
    ImGui::EndChild();
}

void App::draw_episodes() {
    const size_t count = m_model.episode_count();
    ImGui::BeginChild("episode_list", ImVec2(0, 0), false);
    draw_archive_topics();
    // finding one of 293 episodes by scrolling was the only way: a filter on titles and dates
    // While it has the keys by the keyboard, the page's text field stands in for it (field_edit):
    // its text comes in through the callback, ↓ / Enter / Escape as field keys.
    FieldLink& field = m_filter_link;
    const int field_key = std::exchange(field.key, -1);
    if (field_key == 2 && m_episode_filter[0]) { field.text.clear(); field.caret = 0; }  // Escape clears, as in a search field
    // The same for the box itself (after a click): ImGui's own Escape would put back the text the box
    // had when it got the caret and drop the caret, so the box lets go before it sees the key, is
    // cleared and takes the caret again (in an empty box ImGui's Escape just drops the caret).
    if (m_episode_filter[0] && ImGui::GetActiveID() == ImGui::GetID("##episode_filter") &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ImGui::ClearActiveID();
        m_episode_filter[0] = 0;
        m_focus_filter = true;
    }
    struct FilterCtx { const FieldLink* field; bool applied; std::string* paste; } ctx{&field, false, &m_paste};
    ImGui::SetNextItemWidth(-1);
    // The caret is asked for until the box has it (waiting for the page's focus), with frames kept
    // coming meanwhile: ImGui's nav gives it the caret a frame or two after the request, and a page
    // gone idle before then left the filter with the keys but no caret until the next input. It
    // stops when another part takes the keys.
    if (m_focus_filter && m_page_focus && m_part == Part::EpisodeFilter) {
        ImGui::SetKeyboardFocusHere();
        m_animating = true;  // the request takes effect frames later (ImGui's nav): keep them coming
    }
    ImGui::InputTextWithHint("##episode_filter", "Find an episode by title or date", m_episode_filter, sizeof m_episode_filter,
                             ImGuiInputTextFlags_CallbackHistory | ImGuiInputTextFlags_CallbackAlways,  // ↑/↓ are the list's
                             [](ImGuiInputTextCallbackData* d) {
                                 auto* c = static_cast<FilterCtx*>(d->UserData);
                                 if (d->EventFlag == ImGuiInputTextFlags_CallbackAlways && take_field_text(*c->field, d)) c->applied = true;
                                 if (d->EventFlag == ImGuiInputTextFlags_CallbackAlways) take_paste(*c->paste, d);
                                 return 0;
                             }, &ctx);
    const bool active = ImGui::IsItemActive();
    if (active || m_part != Part::EpisodeFilter) m_focus_filter = false;
    settle_field(field, m_episode_filter, sizeof m_episode_filter, active, ctx.applied);
    if (active) m_part = Part::EpisodeFilter;
    keyboard_part(Part::EpisodeFilter);
    // ↓ or Enter in the filter (or its page field): into the list, at the first episode it keeps
    const bool into_list = m_part == Part::EpisodeFilter &&
                           ((active && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))) ||
                            field_key == 0 || field_key == 3);
    {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        m_episode_filter_rect[0] = a.x; m_episode_filter_rect[1] = a.y; m_episode_filter_rect[2] = b.x - a.x; m_episode_filter_rect[3] = b.y - a.y;
    }
    // a recurring topic chosen above keeps only its episodes, and opens them at its first segment
    const int topic = m_model.chosen_recurring();
    const std::vector<uint32_t>* with_topic = topic >= 0 ? &m_model.recurring_topics()[size_t(topic)].episodes : nullptr;
    auto open = [&](uint32_t e) {
        if (with_topic) m_model.open_at_recurring(e, topic);
        else m_model.seek(e, 0);
    };
    if (m_episode_filter_text != m_episode_filter || m_episode_rows_topic != topic || m_episode_rows_of != count) {
        m_episode_filter_text = m_episode_filter;
        m_episode_rows_topic = topic;
        m_episode_rows_of = count;
        m_episode_rows.clear();
        for (uint32_t i = 0; i < count; ++i) {
            const EpisodeMeta& meta = m_model.episode_meta(i);
            if (with_topic && !std::binary_search(with_topic->begin(), with_topic->end(), i)) continue;
            if (episode_matches(meta.title, meta.date, m_episode_filter_text)) m_episode_rows.push_back(i);
        }
    }
    if (m_episode_rows.empty()) {
        ImGui::TextDisabled(with_topic ? "No episode with this topic has \"%s\"." : "No episode title or date has \"%s\".", m_episode_filter);
        ImGui::EndChild();
        return;
    }
    if (into_list) {
        set_part(Part::List);
        m_focus_visible = true;
        if (std::find(m_episode_rows.begin(), m_episode_rows.end(), m_model.episode()) == m_episode_rows.end()) open(m_episode_rows.front());
        m_episode_scroll = true;
    } else if (m_part == Part::List && !ImGui::GetIO().WantTextInput) {
        // ↑/↓ open the previous / next episode of the list, PageUp/PageDown one a page away, Home / End
        // the first / last; ↑ on the first goes back to the filter
        const auto it = std::find(m_episode_rows.begin(), m_episode_rows.end(), m_model.episode());
        const int at = it == m_episode_rows.end() ? -1 : int(it - m_episode_rows.begin());
        const int to = list_keys(at, int(m_episode_rows.size()));
        if (to == -1) set_part(Part::EpisodeFilter);
        else if (to >= 0 && to != at) { open(m_episode_rows[size_t(to)]); m_episode_scroll = true; }
    }
    bool q = !m_model.query().empty();
    if (ImGui::BeginTable("episodes", q ? 3 : 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Episode", ImGuiTableColumnFlags_WidthStretch, 5.f);
        ImGui::TableSetupColumn("Length", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        if (q) ImGui::TableSetupColumn("Matches", ImGuiTableColumnFlags_WidthStretch, 1.f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin(int(m_episode_rows.size()));
        const auto cur = std::find(m_episode_rows.begin(), m_episode_rows.end(), m_model.episode());
        const int cur_row = cur == m_episode_rows.end() ? -1 : int(cur - m_episode_rows.begin());
        if (m_episode_scroll && cur_row >= 0) clip.ForceDisplayRangeByIndices(cur_row, cur_row + 1);
        while (clip.Step()) {
            for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
                const int i = int(m_episode_rows[size_t(row)]);
                const EpisodeMeta& meta = m_model.episode_meta(uint32_t(i));
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                std::string title = meta.title.empty() ? "Episode " + std::to_string(i + 1) : meta.title;
                if (!meta.date.empty()) title = meta.date + "  " + title;
                // the title cut with an ellipsis to its column (the whole title in a tooltip), not clipped mid-letter
                const ImVec2 label_at = ImGui::GetCursorScreenPos();
                if (ImGui::Selectable("##episode", uint32_t(i) == m_model.episode(), ImGuiSelectableFlags_SpanAllColumns))
                    open(uint32_t(i));
                const bool hovered = ImGui::IsItemHovered();
                count_list_row();
                ImGui::SetCursorScreenPos(label_at);
                if (text_ellipsis(title, ImGui::GetContentRegionAvail().x) && hovered) tooltip_text(title);
                if (row == cur_row && std::exchange(m_episode_scroll, false)) ImGui::SetScrollHereY(0.4f);
                ImGui::TableSetColumnIndex(1);
                ImGui::TextDisabled("%s%s", meta.times_estimated ? "\xE2\x89\x88" : "", format_time(meta.duration_ms).c_str());
                if (q) {
                    ImGui::TableSetColumnIndex(2);
                    uint32_t h = m_model.hits_in_episode(uint32_t(i));
                    if (h) ImGui::Text("%u", h);
                    else if (uint32_t(i) >= m_model.indexed_episodes()) ImGui::TextDisabled("\xE2\x80\xA6");
                    else ImGui::TextDisabled("0");
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace tx
