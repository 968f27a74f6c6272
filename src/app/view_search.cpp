// view_search.cpp: the search box (live as you type, history on Up/Down) and the results list.
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: the search box lets go of the keys

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "app/app.h"
#include "app/model/search_status.h"

namespace tx {

static const char* kSyntaxHelp =
    "Search as you type.\n\n"
    "  words          all words in the same passage\n"
    "  \"exact phrase\"  words in this order\n"
    "  pre*           words starting with pre\n"
    "  -word          passages without word\n"
    "  a OR b         either\n"
    "  speaker:name   only this speaker (-speaker:name: the others)\n\n"
    "Typos are tolerated for words of 5+ letters; sound-alikes are found\n"
    "(\"Lex Fridman\" finds \"Alex Freedman\"). When no passage has every\n"
    "word, the passages with the most of them are shown.\n\n"
    "Enter / F3: next match from where you read   Shift+Enter / Shift+F3: previous\n"
    "Down: the ranked results, best first   Up: earlier queries\n"
    "Ctrl+F or /: search   Tab: the next part (timeline, tabs, list, reader)\n"
    "Esc: clear, then to the reader";

const char* App::search_help() { return kSyntaxHelp; }

bool take_field_text(const FieldLink& link, ImGuiInputTextCallbackData* data) {
    if (link.caret < 0) return false;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, link.text.c_str());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = std::clamp(link.caret, 0, data->BufTextLen);
    return true;
}

bool take_paste(std::string& paste, ImGuiInputTextCallbackData* data) {
    if (paste.empty()) return false;
    const int a = std::min(data->SelectionStart, data->SelectionEnd), b = std::max(data->SelectionStart, data->SelectionEnd);
    if (a != b) data->DeleteChars(a, b - a);
    data->CursorPos = a;
    // InsertChars refuses a text longer than the room left: keep what fits, ending on a whole character
    size_t n = std::min(paste.size(), size_t(std::max(0, data->BufSize - 1 - data->BufTextLen)));
    while (n > 0 && n < paste.size() && (static_cast<unsigned char>(paste[n]) & 0xC0) == 0x80) --n;
    data->InsertChars(data->CursorPos, paste.data(), paste.data() + n);
    data->SelectionStart = data->SelectionEnd = data->CursorPos;
    paste.clear();
    return true;
}

bool App::settle_field(FieldLink& l, char* buf, size_t cap, bool active, bool applied) {
    bool changed = false;
    if (applied || !active) {
        // the box not active (the page's field kept the keys while it had no caret): the text directly
        if (!applied && l.caret >= 0 && l.text != buf) {
            std::strncpy(buf, l.text.c_str(), cap - 1);
            buf[cap - 1] = 0;
            changed = true;
        }
        l.caret = -1;
    }
    // copy back to the page's field what the box changed by itself (history, Escape, a deep link)
    if ((!active || applied) && l.seen != buf) { l.seen = buf; ++m_field_text_rev; }
    return changed;
}

struct HistoryCtx {
    App* app;
    const std::vector<std::string>* history;
    int* pos;
    std::string* draft;
    bool down_out = false;  // ↓ while not walking the history: leave for the results
    // the page's text field (App::field_edit / field_key), applied while the box is active
    const FieldLink* field = nullptr;
    ImGuiKey field_key = ImGuiKey_COUNT;      // ↑ / ↓ pressed in the field
    bool field_applied = false;
    std::string* paste = nullptr;  // App::m_paste
};

// A key of the history (↑ / ↓) in a box holding `data`'s text.
static void history_key(HistoryCtx* ctx, ImGuiInputTextCallbackData* data, ImGuiKey key) {
    int& pos = *ctx->pos;
    if (key == ImGuiKey_DownArrow && pos < 0) {
        ctx->down_out = true;
        return;
    }
    if (ctx->history->empty()) return;
    int n = int(ctx->history->size());
    if (key == ImGuiKey_UpArrow) {
        if (pos < 0) ctx->draft->assign(data->Buf, size_t(data->BufTextLen));
        pos = pos < 0 ? n - 1 : std::max(0, pos - 1);
    } else if (key == ImGuiKey_DownArrow) {
        pos = pos + 1 >= n ? -1 : pos + 1;
    }
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, pos >= 0 ? (*ctx->history)[size_t(pos)].c_str() : ctx->draft->c_str());
}

// ↑ walks back through earlier queries (the one being typed is kept as a draft), ↓ forward and,
// past the newest, back to the draft; ↓ while not walking the history goes to the results
// instead of clearing the box (it used to erase the query being typed).
static int history_callback(ImGuiInputTextCallbackData* data) {
    auto* ctx = static_cast<HistoryCtx*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
        history_key(ctx, data, data->EventKey);
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        // "/" brings the keys to the box; typed into the box while it is empty (a fresh page's box
        // has the caret) it is that key, not a query: "/llama" was searched and linked as q=%2Fllama
        if (data->BufTextLen == 1 && data->Buf[0] == '/') data->DeleteChars(0, 1);
        if (ctx->field && take_field_text(*ctx->field, data)) ctx->field_applied = true;
        if (ctx->paste) take_paste(*ctx->paste, data);
        if (ctx->field_key != ImGuiKey_COUNT) {
            history_key(ctx, data, ctx->field_key);
            ctx->field_applied = true;
        }
    }
    return 0;
}

void App::field_edit(const std::string& text, int caret_utf16) {
    const Field f = field_has_keys();
    FieldLink& l = link(f);
    l.text = text.substr(0, (f == Field::EpisodeFilter ? sizeof m_episode_filter : sizeof m_query_buf) - 1);
    // UTF-16 units to UTF-8 bytes: a 4-byte sequence is two units
    size_t b = 0;
    for (int u = 0; b < l.text.size() && u < caret_utf16;) {
        const unsigned char c = static_cast<unsigned char>(l.text[b]);
        const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        u += len == 4 ? 2 : 1;
        b = std::min(l.text.size(), b + len);
    }
    l.caret = int(caret_utf16 < 0 ? l.text.size() : b);
    l.seen = l.text;
    m_animating = true;
}

void App::draw_search_box(float w) {
    // keep the buffer in sync when the query changed from outside (deep link, JS API)
    if (m_model.query() != m_query_buf && !ImGui::IsAnyItemActive()) {
        std::strncpy(m_query_buf, m_model.query().c_str(), sizeof m_query_buf - 1);
        m_query_buf[sizeof m_query_buf - 1] = 0;
    }
    ImGui::SetNextItemWidth(w);
    // Escape in the box: a query is cleared (the box keeps the caret); in an empty box, the reader
    // takes the keys. ImGui's own Escape would restore the text the box had when it got the caret
    // (cleared or not depending on when that was), so the box lets go before it sees the key.
    const ImGuiID box_id = ImGui::GetID("##search");
    FieldLink& field = m_search_link;
    const int field_key = std::exchange(field.key, -1);
    if ((ImGui::GetActiveID() == box_id && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) || field_key == 2) {
        ImGui::ClearActiveID();
        field.caret = -1;  // a text of the page's field still on its way is older than this key
        if (m_query_buf[0] != 0) {
            m_query_buf[0] = 0;
            m_model.set_query("");
            m_history_pos = -1;
            m_focus_search = true;
        } else {
            set_part(Part::Reader);
            m_focus_visible = true;
        }
    }
    if (m_focus_search && m_page_focus) {  // waits for the page's focus
        ImGui::SetKeyboardFocusHere();
        m_focus_search = false;
        m_animating = true;  // ImGui's nav gives the box the caret a frame or two later: draw them
    }
    HistoryCtx ctx{this, &m_model.history(), &m_history_pos, &m_history_draft};
    ctx.field = &field;
    ctx.paste = &m_paste;
    if (field_key == 0 || field_key == 1) ctx.field_key = field_key == 0 ? ImGuiKey_DownArrow : ImGuiKey_UpArrow;
    // the hint's examples only where they fit: the box clips its hint, on a phone mid-word
    m_search_hint = search_box_hint(m_model);
    if (ImGui::CalcTextSize(m_search_hint.c_str()).x > w - 2 * ImGui::GetStyle().FramePadding.x)
        m_search_hint = search_box_hint(m_model, false);
    const std::string& hint = m_search_hint;
    bool enter = ImGui::InputTextWithHint("##search", hint.c_str(),
                                          m_query_buf, sizeof m_query_buf,
                                          ImGuiInputTextFlags_CallbackHistory | ImGuiInputTextFlags_EnterReturnsTrue |
                                              ImGuiInputTextFlags_CallbackAlways,
                                          history_callback, &ctx);
    const bool active = ImGui::IsItemActive();
    if (!ctx.field_applied && !active && field_key == 0 && m_history_pos < 0) ctx.down_out = true;
    const bool edited = settle_field(field, m_query_buf, sizeof m_query_buf, active, ctx.field_applied) || ImGui::IsItemEdited();
    if (field_key >= 0 && field_key <= 1 && !ctx.field_applied && active && !ctx.down_out)
        field.key = field_key;  // the box got the caret this frame: its callback runs from the next
    if (ImGui::IsItemActive()) m_part = Part::Search;
    keyboard_part(Part::Search);
    {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        m_search_rect[0] = a.x; m_search_rect[1] = a.y; m_search_rect[2] = b.x - a.x; m_search_rect[3] = b.y - a.y;
        draw_touch_caret(active);
    }
    // the syntax on hover; also while the box has focus (it has at load) as long as it is empty
    if (ImGui::IsItemHovered() && (!ImGui::IsItemActive() || m_query_buf[0] == 0)) tooltip_text(kSyntaxHelp, 40);
    // and under the empty box while the keys brought the caret there (Tab, Escape then / or
    // Ctrl+F, with the focus ring up): a keyboard never hovers, so it never saw the syntax or keys
    else if (active && m_focus_visible && m_page_focus && m_part == Part::Search && m_query_buf[0] == 0) {
        ImGui::SetNextWindowPos(ImVec2(m_search_rect[0], m_search_rect[1] + m_search_rect[3] + ImGui::GetStyle().ItemSpacing.y));
        tooltip_text(kSyntaxHelp, 40);
    }
    if (ctx.down_out && !m_model.results().empty()) {  // ↓: into the results, at the first one
        if (m_model.selected_result() < 0) m_model.select_result(0);
        m_focus_results = true;
        m_results_scroll_to_selected = true;
        m_part = Part::List;
        m_focus_visible = true;
    }
    if (edited) {
        m_model.set_query(m_query_buf);
        m_last_edit_time = ImGui::GetTime();
        m_history_pending = true;
    }
    if (enter) {
        m_model.commit_history();
        m_history_pending = false;
        m_history_pos = -1;
        if (ImGui::GetIO().KeyShift) m_model.prev_occurrence();
        else m_model.next_occurrence();
        ImGui::SetKeyboardFocusHere(-1);  // keep typing after Enter
    }
    if (m_history_pending) {
        if (ImGui::GetTime() - m_last_edit_time > 1.5) { m_model.commit_history(); m_history_pending = false; }
        else m_animating = true;  // keep frames coming until the query settles into the history
    }
}

// The caret of the page's text field that a tap on the box focused (set_touch_caret), drawn where
// ImGui would draw its own: a box that is not active shows its text from its start, so a caret past
// the box's right edge is kept at that edge.
void App::draw_touch_caret(bool active) {
    m_touch_caret_x = -1;
    if (m_touch_caret < 0 || active || m_query_buf != m_model.query()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const size_t len = std::strlen(m_query_buf);
    const size_t caret = std::min(len, size_t(m_touch_caret));
    const float box_x = m_search_rect[0];
    const float left = box_x + style.FramePadding.x, right = box_x + m_search_rect[2] - style.FramePadding.x;
    const float x = std::floor(std::min(right, left + ImGui::CalcTextSize(m_query_buf, m_query_buf + caret).x)) + 0.5f;
    const float y = m_search_rect[1] + style.FramePadding.y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, y + 0.5f), ImVec2(x, y + ImGui::GetFontSize() - 1.5f), ImGui::GetColorU32(ImGuiCol_Text));
    m_touch_caret_x = x - box_x;
}

static ImVec4 warning_colour(bool dark) { return dark ? ImVec4(1, 0.5f, 0.45f, 1) : ImVec4(0.75f, 0.15f, 0.1f, 1); }

bool App::draw_search_status(float max_width) {
    const std::string status = search_status(m_model);
    const bool warn = !m_model.query_error().empty() || !m_model.link_note().empty();
    // a warning says what to fix ("Link: t=\"zz\" is not a time (try 90, 1:30 or 1m30s)"): its end
    // matters as much as its start, and a hover to read it is no help on a phone or from the keys
    if (warn && ImGui::CalcTextSize(status.c_str()).x > max_width) return false;
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, warn ? warning_colour(m_dark) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const bool cut = text_ellipsis(status.empty() ? std::string(" ") : status, std::max(0.f, max_width));
    ImGui::PopStyleColor();
    if (cut && ImGui::IsItemHovered()) tooltip_text(status);
    return true;
}

void App::draw_status_wrapped(float right) {
    ImGui::PushStyleColor(ImGuiCol_Text, warning_colour(m_dark));
    ImGui::PushTextWrapPos(right);
    ImGui::TextUnformatted(search_status(m_model).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void App::draw_results() {
    const auto& rows = m_model.results();
    const size_t n_eps = m_model.episode_count();
    ImGui::BeginChild("results_list", ImVec2(0, 0), false);
    if (m_model.query().empty()) {
        if (n_eps > 1) ImGui::TextDisabled("Type in the search box to find words, phrases\nand topics in all %zu episodes.", n_eps);
        else ImGui::TextDisabled("Type in the search box to find words, phrases\nand topics in the transcript.");
        ImGui::EndChild();
        return;
    }
    if (!m_model.query_note().empty()) {  // partial matches, or a sentence's common words left out: say so
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", m_model.query_note().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();
    }
    const std::string no_speakers = speaker_note(m_model);
    if (!no_speakers.empty()) {  // a speaker: filter that cannot match: say why before "no passage"
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s, so a speaker: filter finds nothing.", no_speakers.c_str());
        ImGui::PopTextWrapPos();
    }
    if (rows.empty()) {
        if (m_model.query_note().empty())
            ImGui::TextDisabled(m_model.query_error().empty() ? "No passage matches this search." : "Fix the query to see results.");
        ImGui::EndChild();
        return;
    }
    const bool just_focused = std::exchange(m_focus_results, false);
    if (just_focused) {  // ↓ from the search box (that ↓ is not the list's): the box lets go of the keys
        ImGui::ClearActiveID();
        ImGui::SetWindowFocus();
    }
    // keyboard navigation while the list has focus
    int sel = m_model.selected_result();
    if ((ImGui::IsWindowFocused() || m_part == Part::List) && !just_focused && !ImGui::GetIO().WantTextInput) {
        // ↑/↓ a result, PageUp/PageDown a page, Home/End the first / last; ↑ on the first: back to the search box
        const int to = list_keys(sel, int(rows.size()));
        if (to == -1) set_part(Part::Search);
        else if (to >= 0 && to != sel) { m_model.select_result(to); m_results_scroll_to_selected = true; }
        auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false); };
        if (m_narrow && (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)))  // phone: read the selected result
            m_show_reader = m_animating = true;
    }
    float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto group_title = [&](uint32_t ep) {  // a group's heading: the episode and its hits
        const EpisodeMeta& meta = m_model.episode_meta(ep);
        return (meta.title.empty() ? "Episode " + std::to_string(ep + 1) : meta.title) + "  (" +
               count_noun(m_model.hits_in_episode(ep), "match", "matches") + ")";
    };
    // the group of the first row on screen, and whether its heading has scrolled away above
    const float view_top = ImGui::GetWindowPos().y;
    float group_top = 0.f;
    int top_group = -1;
    bool top_heading_hidden = false;
    for (size_t i = 0; i < rows.size(); ++i) {  // at most kMaxResultRows
        const ResultRow& r = rows[i];
        ImGui::PushID(int(i));
        ImVec2 start = ImGui::GetCursorScreenPos();
        bool visible = ImGui::IsRectVisible(start, ImVec2(start.x + width, start.y + ImGui::GetFontSize() * 5));
        const EpisodeMeta& meta = m_model.episode_meta(r.episode);
        if (n_eps > 1 && (i == 0 || rows[i - 1].episode != r.episode)) {  // results grouped by episode
            if (i > 0) ImGui::Spacing();
            group_top = ImGui::GetCursorScreenPos().y;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
            ImGui::TextWrapped("%s", group_title(r.episode).c_str());
            ImGui::PopStyleColor();
            start = ImGui::GetCursorScreenPos();
        }
        if (visible && r.snippet_pending) m_model.want_snippet(i);
        std::string head = (n_eps > 1 ? std::string("\xC2\xB7 ") : std::string()) +
                           (meta.times_estimated || r.snippet_pending ? "\xE2\x89\x88" : "") + format_time(r.time_ms);
        bool selected = int(i) == m_model.selected_result();
        dl->ChannelsSplit(2);  // 0: row background, 1: text
        dl->ChannelsSetCurrent(1);
        ImGui::BeginGroup();
        if (m_fonts.small) ImGui::PushFont(m_fonts.small);
        ImGui::TextDisabled("%s", head.c_str());
        if (m_fonts.small) ImGui::PopFont();
        if (visible && r.snippet_pending) ImGui::TextDisabled("\xE2\x80\xA6");
        else if (visible) draw_highlighted_wrapped(r.snippet, r.spans, width);
        else ImGui::Dummy(ImVec2(width, ImGui::GetFontSize() * 2.6f));
        ImGui::EndGroup();
        ImVec2 a = ImGui::GetItemRectMin(), b = ImVec2(a.x + width, ImGui::GetItemRectMax().y);
        ImGui::SetCursorScreenPos(a);
        if (ImGui::InvisibleButton("row", ImVec2(width, b.y - a.y))) {
            m_model.select_result(int(i));
            if (m_narrow) m_show_reader = m_animating = true;  // phone: the results cover the reader; show it at the hit
        }
        count_list_row();
        bool hovered = ImGui::IsItemHovered();
        dl->ChannelsSetCurrent(0);
        if (selected || hovered)
            dl->AddRectFilled(ImVec2(a.x - 4, a.y - 2), ImVec2(b.x, b.y + 2),
                              ImGui::GetColorU32(selected ? ImGuiCol_Header : ImGuiCol_HeaderHovered, selected ? 0.9f : 0.5f), 4.f);
        dl->ChannelsMerge();
        if (selected && m_results_scroll_to_selected) { ImGui::SetScrollHereY(0.3f); m_results_scroll_to_selected = false; }
        ImGui::Separator();
        ImGui::PopID();
        if (top_group < 0 && ImGui::GetCursorScreenPos().y > view_top + 1.f) {
            top_group = int(r.episode);
            top_heading_hidden = group_top < view_top - 1.f;
        }
    }
    // Scrolled into a group, its rows showed only times ("· 14:49") and no episode: its heading
    // stays pinned at the top of the list, over the rows (drawn last, so on top of them).
    m_results_pinned.clear();
    if (n_eps > 1 && top_group >= 0 && top_heading_hidden) {
        m_results_pinned = group_title(uint32_t(top_group));
        const ImGuiStyle& st = ImGui::GetStyle();
        const ImVec2 a(ImGui::GetWindowPos().x, view_top);
        const ImVec2 b(a.x + width + st.ItemSpacing.x, view_top + ImGui::GetTextLineHeight() + st.ItemSpacing.y * 2.f);
        ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        bg.w = 1.f;
        dl->AddRectFilled(a, b, ImGui::GetColorU32(bg));
        dl->AddLine(ImVec2(a.x, b.y), b, ImGui::GetColorU32(ImGuiCol_Separator));
        const char* t = m_results_pinned.c_str();
        ImGui::RenderTextEllipsis(dl, ImVec2(a.x, a.y + st.ItemSpacing.y), ImVec2(b.x - st.ItemSpacing.x, b.y), b.x - st.ItemSpacing.x,
                                  b.x - st.ItemSpacing.x, t, t + m_results_pinned.size(), nullptr);
    }
    const std::string more = results_cap_note(m_model);
    if (!more.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", more.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
}

}  // namespace tx
