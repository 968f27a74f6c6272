// app.cpp: overall layout (top bar, timeline, panes), loading and error screens, shortcuts.
#include "app/app.h"

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis, ItemSize/ItemAdd for text_ellipsis

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "app/model/announce.h"
#include "app/model/search_status.h"

namespace tx {

void App::set_font_scale(float s) { m_font_scale = std::clamp(s, 0.7f, 2.0f); }

void App::step_font(int dir) {
    constexpr float kStep = 0.1f;
    set_font_scale(dir == 0 ? 1.f : m_font_scale + (dir > 0 ? kStep : -kStep));
}

void App::frame(const AppFonts& fonts, const AppKeys& keys) {
    m_fonts = fonts;
    m_keys = keys;
    m_animating = false;
    m_tab_names.clear();
    for (const TabRect& t : m_tab_rects) m_tab_names.push_back(t.name);
    m_tab_rects.clear();
    m_ellipsized.clear();
    m_ellipsized_as.clear();
    m_reader_paras_drawn.clear();
    m_axis_labels.clear();
    m_topic_labels.clear();
    m_chapter_labels.clear();
    m_results_pinned.clear();
    m_parts_last = std::move(m_parts_drawn);
    m_parts_drawn.clear();
    m_list_rows_last = std::exchange(m_list_rows_drawn, 0);
    if (ImGui::IsMouseClicked(0)) { m_part = Part::None; m_focus_visible = false; }  // a text box clicked takes it back
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("Transcript Explorer", nullptr, flags);
    switch (m_model.phase()) {
        case LoadPhase::Ready: draw_ready(); break;
        case LoadPhase::Indexing:  // an archive is usable while it is indexed
            if (m_model.episode_count() > 0) draw_ready(); else draw_loading();
            break;
        case LoadPhase::Error: draw_error(); break;
        default: draw_loading(); break;
    }
    ImGui::End();
    update_focus_text();
    // a text box activated without the page's focus (a tap whose focus went on to the on-screen
    // keyboard's field, a click that came in after a blur) lets go: no caret where keys do not go
    if (!m_page_focus && ImGui::GetActiveID() != 0 && ImGui::GetActiveID() == GImGui->InputTextState.ID) {
        ImGui::ClearActiveID();
        m_animating = true;  // draw the box without its caret
    }
}

void App::update_focus_text() {
    m_focus_text.clear();
    const bool ready = m_model.phase() == LoadPhase::Ready || (m_model.phase() == LoadPhase::Indexing && m_model.episode_count() > 0);
    if (!m_focus_visible || !m_page_focus || !ready) return;
    auto index_of = [](const std::vector<std::string>& v, const std::string& s) {
        return size_t(std::find(v.begin(), v.end(), s) - v.begin());
    };
    switch (m_part) {
        case Part::None: case Part::Search: case Part::EpisodeFilter: break;  // the page's text field is named by the page
        case Part::Smaller: m_focus_text = "Smaller text, button"; break;
        case Part::Larger: m_focus_text = "Larger text, button"; break;
        case Part::Theme: m_focus_text = m_dark ? "Light theme, button" : "Dark theme, button"; break;
        case Part::Media: m_focus_text = "Open media at this moment, button"; break;
        case Part::CopyQuote:
            m_focus_text = m_copy_note_at == -1 ? "Copy quote, button" : m_copy_ok ? "Copied, Copy quote, button" : "Not copied, Copy quote, button";
            break;
        case Part::ShowAllTopics: m_focus_text = "Show all topics, button"; break;
        case Part::ShowAllEpisodes: m_focus_text = "Show all episodes, button"; break;
        case Part::RecurringTopics: m_focus_text = announce_recurring(m_model, m_recurring_cursor); break;
        case Part::Timeline: m_focus_text = "Timeline, " + announce_timeline(m_model); break;
        case Part::Tabs: {
            const size_t i = index_of(m_tab_names, m_open_tab);
            m_focus_text = m_open_tab + " tab";
            if (i < m_tab_names.size()) m_focus_text += ", " + std::to_string(i + 1) + " of " + std::to_string(m_tab_names.size());
            break;
        }
        case Part::List:
            if (m_open_tab == "Results") {
                m_focus_text = announce_result(m_model, m_model.selected_result());
                if (m_focus_text.empty()) m_focus_text = "Results list, " + (m_model.query().empty() ? std::string("no search") : search_status(m_model));
            } else if (m_open_tab == "Topics") {
                const int nch = int(m_model.episode_meta(m_model.episode()).chapters.size());  // listed before the topics
                m_focus_text = m_topic_cursor < nch ? announce_chapter(m_model, m_topic_cursor) : announce_topic(m_model, m_topic_cursor - nch);
                if (m_focus_text.empty()) m_focus_text = "Topics list, no topics";
            } else if (m_open_tab == "Episodes") {
                const auto it = std::find(m_episode_rows.begin(), m_episode_rows.end(), m_model.episode());
                m_focus_text = it == m_episode_rows.end() ? "Episodes list, " + count_noun(m_episode_rows.size(), "episode", "episodes")
                                                          : announce_episode(m_model, *it, int(it - m_episode_rows.begin()), int(m_episode_rows.size()));
            }
            break;
        case Part::Reader: m_focus_text = "Transcript, " + announce_passage(m_model); break;
    }
}

void App::set_page_focus(bool focused, bool by_pointer) {
    if (focused == m_page_focus) return;
    m_page_focus = focused;
    m_animating = true;
    if (!focused) {
        const bool box = ImGui::GetActiveID() != 0 && ImGui::GetActiveID() == GImGui->InputTextState.ID;
        m_refocus = box && (m_part == Part::Search || m_part == Part::EpisodeFilter) ? m_part : Part::None;
        if (box) ImGui::ClearActiveID();
        return;
    }
    if (by_pointer) {  // the click or tap says where the keys go
        m_focus_search = m_focus_filter = false;
    } else if (m_refocus == Part::Search) {
        m_focus_search = true;
    } else if (m_refocus == Part::EpisodeFilter) {
        m_focus_filter = true;
    }
    m_refocus = Part::None;
}

void App::draw_loading() {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float w = std::min(avail.x * 0.7f, 26.f * ImGui::GetFontSize());
    ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.42f));
    ImGui::BeginGroup();
    if (m_fonts.large) ImGui::PushFont(m_fonts.large);
    ImGui::TextUnformatted(kLoadingHeadline);
    if (m_fonts.large) ImGui::PopFont();
    const char* what = "Starting";
    switch (m_model.phase()) {
        case LoadPhase::Downloading: what = "Downloading transcripts"; break;
        case LoadPhase::Decompressing: what = "Decompressing"; break;
        case LoadPhase::Indexing: what = "Building the search index"; break;
        default: break;
    }
    ImGui::TextDisabled("%s\xE2\x80\xA6", what);
    char overlay[32];
    std::snprintf(overlay, sizeof overlay, "%d%%", int(m_model.progress() * 100.f + 0.5f));
    ImGui::ProgressBar(m_model.progress(), ImVec2(w, 0), overlay);
    ImGui::EndGroup();
}

void App::draw_error() {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float w = std::min(avail.x - 2 * ImGui::GetStyle().WindowPadding.x, 34.f * ImGui::GetFontSize());
    ImGui::SetCursorPos(ImVec2(std::max(8.f, (avail.x - w) * 0.5f), avail.y * 0.35f));
    ImGui::BeginGroup();
    if (m_fonts.large) ImGui::PushFont(m_fonts.large);
    ImGui::TextColored(m_dark ? ImVec4(1, 0.45f, 0.4f, 1) : ImVec4(0.75f, 0.12f, 0.1f, 1), "%s", kFailedHeadline);
    if (m_fonts.large) ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextWrapped("%s", m_model.error().message.c_str());
    ImGui::Spacing();
    ImGui::TextDisabled("Check that the bundle URL is right and that the file was copied completely, or "
                        "re-create it with `transcript pack`.");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

const char* App::part_name(Part p) {
    static const char* names[] = {"", "search", "smaller", "larger", "theme", "media", "timeline", "tabs", "episodeFilter", "showAllTopics", "list", "copyQuote", "reader",
                                  "showAllEpisodes", "recurringTopics"};
    return names[int(p)];
}

Field App::field_has_keys() const {
    if (!m_focus_visible) return Field::None;
    return m_part == Part::Search ? Field::Search : m_part == Part::EpisodeFilter ? Field::EpisodeFilter : Field::None;
}

bool App::tab_leaves(int dir) const {
    if (m_parts_last.empty()) return true;
    if (m_part == Part::None) return false;  // Tab enters the first part
    return m_part == (dir > 0 ? m_parts_last.back() : m_parts_last.front());
}

void App::enter(int dir) {
    if (m_parts_last.empty()) return;
    m_focus_search = m_focus_filter = false;  // not the box that had (or was to get) the caret
    m_refocus = Part::None;
    set_part(dir > 0 ? m_parts_last.front() : m_parts_last.back());
    m_focus_visible = true;
}

void App::set_part(Part p) {
    const bool text_box = p == Part::Search || p == Part::EpisodeFilter;
    if (!text_box && ImGui::GetActiveID() != 0) ImGui::ClearActiveID();  // the box lets go of the keys
    if (p == Part::Search) m_focus_search = true;
    if (p == Part::EpisodeFilter) m_focus_filter = true;
    if (p == Part::List) ImGui::SetWindowFocus(nullptr);  // the results list reads the arrows itself
    m_part = p;
}

void App::apply_tab() {
    const int dir = std::exchange(m_pending_tab, 0);
    if (dir == 0 || m_parts_last.empty()) return;
    const auto it = std::find(m_parts_last.begin(), m_parts_last.end(), m_part);
    const int n = int(m_parts_last.size());
    int i = it == m_parts_last.end() ? (dir > 0 ? 0 : n - 1) : (int(it - m_parts_last.begin()) + dir + n) % n;
    set_part(m_parts_last[size_t(i)]);
    m_focus_visible = true;
    m_animating = true;  // the focused part draws its ring (and a text box takes the caret) next frame
}

bool App::keyboard_part(Part p) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float fa[2] = {a.x, a.y}, fb[2] = {b.x, b.y};
    return keyboard_part(p, fa, fb);
}

bool App::keyboard_part(Part p, const float a[2], const float b[2]) {
    if (std::find(m_parts_drawn.begin(), m_parts_drawn.end(), p) == m_parts_drawn.end()) m_parts_drawn.push_back(p);
    if (m_part != p) return false;
    if (m_focus_visible)  // the focus ring: 2 px in the nav highlight colour, just outside the part
        ImGui::GetForegroundDrawList()->AddRect(ImVec2(a[0] - 2, a[1] - 2), ImVec2(b[0] + 2, b[1] + 2),
                                                ImGui::GetColorU32(ImGuiCol_NavHighlight), 4.f, 0, 2.f);
    return true;
}

bool App::activated(Part p) const {
    if (m_part != p || ImGui::GetIO().WantTextInput) return false;
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false);
}

int App::list_keys(int at, int n, int page_rows) const {
    auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    if (n <= 0) return -2;
    const int page = std::max(1, (page_rows < 0 ? m_list_rows_last : page_rows) - 1);  // a page keeps one row of the last in view
    if (key(ImGuiKey_DownArrow)) return std::min(at + 1, n - 1);
    if (key(ImGuiKey_UpArrow)) return std::max(at - 1, -1);
    const bool paging = list_has_keys();  // a list focused by the mouse leaves them to the reader
    if (paging && key(ImGuiKey_PageDown)) return std::min(std::max(at, 0) + page, n - 1);
    if (paging && key(ImGuiKey_PageUp)) return std::max(at - page, 0);
    if (key(ImGuiKey_Home)) return 0;
    if (key(ImGuiKey_End)) return n - 1;
    return -2;
}

void App::count_list_row() {
    if (ImGui::IsItemVisible()) ++m_list_rows_drawn;
}

void App::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    apply_tab();
    bool ctrl = io.KeyCtrl || io.KeySuper;
    if (m_keys.f3 >= 0 && ImGui::IsKeyPressed(m_keys.f3)) {
        if (io.KeyShift) m_model.prev_occurrence();
        else m_model.next_occurrence();
    }
    if (ctrl && m_keys.f >= 0 && ImGui::IsKeyPressed(m_keys.f, false)) m_focus_search = true;
    if (!io.WantTextInput && m_keys.slash >= 0 && ImGui::IsKeyPressed(m_keys.slash, false)) m_focus_search = true;
    if (ctrl && m_keys.equals >= 0 && ImGui::IsKeyPressed(m_keys.equals, false)) step_font(1);
    if (ctrl && m_keys.minus >= 0 && ImGui::IsKeyPressed(m_keys.minus, false)) step_font(-1);
    if (ctrl && ((m_keys.zero >= 0 && ImGui::IsKeyPressed(m_keys.zero, false)) ||
                 (m_keys.keypad_zero >= 0 && ImGui::IsKeyPressed(m_keys.keypad_zero, false))))
        step_font(0);  // Ctrl+0: the default size, as browsers reset their zoom
    if (ctrl && m_keys.c >= 0 && ImGui::IsKeyPressed(m_keys.c, false) && !io.WantTextInput && m_sel_anchor >= 0) {
        std::string t = selection_text();
        if (!t.empty() && m_host.copy_text) m_host.copy_text(t);
    }
    if (!io.WantTextInput) handle_part_keys();
}

void App::handle_part_keys() {
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    const int step = pressed(ImGuiKey_RightArrow) ? 1 : pressed(ImGuiKey_LeftArrow) ? -1 : 0;
    if (m_part == Part::Tabs && step != 0 && !m_tab_names.empty()) {  // ←/→: the previous / next tab
        const auto it = std::find(m_tab_names.begin(), m_tab_names.end(), m_open_tab);
        const int n = int(m_tab_names.size()), i = it == m_tab_names.end() ? 0 : int(it - m_tab_names.begin());
        m_select_tab = m_tab_names[size_t((i + step + n) % n)];
        if (m_narrow && m_select_tab == "Transcript") m_show_reader = true;
    }
    if (m_part == Part::Timeline && m_model.episode() < m_model.episode_count()) {
        // ←/→: the start of the previous / next topic; Home / End: the first / last topic
        const auto& topics = m_model.topics();
        const uint32_t now = m_model.time_ms();
        int64_t to = -1;
        if (step > 0)
            for (const TopicRow& t : topics) if (t.start_ms > now + 500) { to = t.start_ms; break; }
        if (step < 0)  // a second before the topic's start: ← goes to the one before it
            for (const TopicRow& t : topics) if (t.start_ms + 1500 < now) to = t.start_ms;
        if (step < 0 && to < 0) to = 0;
        if (pressed(ImGuiKey_Home)) to = 0;
        if (pressed(ImGuiKey_End) && !topics.empty()) to = topics.back().start_ms;
        if (to >= 0) m_model.seek(m_model.episode(), uint32_t(to));
    }
}

void App::draw_top_bar() {
    const Episode* ep = m_model.episode() < m_model.episode_count() ? &m_model.current_episode() : nullptr;
    float h = ImGui::GetFrameHeight();
    float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    // font size and theme buttons, right-aligned; the search box takes what is left on phones
    float bw = ImGui::CalcTextSize("A\xE2\x88\x92").x + st.FramePadding.x * 2;
    float right = ImGui::GetWindowContentRegionMax().x;
    float group_w = bw * 2 + ImGui::CalcTextSize(m_dark ? "Light" : "Dark").x + st.FramePadding.x * 2 + st.ItemSpacing.x * 2;
    float avail = ImGui::GetContentRegionAvail().x;
    bool narrow = avail < 46.f * fs;
    // A very narrow embed (a blog's sidebar, 240-300 px): the box on a row of its own where beside
    // the buttons it could not show its short hint whole ("Search th"), the buttons on the next.
    const float hint_w = ImGui::CalcTextSize(search_box_hint(m_model, false).c_str()).x + st.FramePadding.x * 2;
    const bool own_row = narrow && avail - group_w - st.ItemSpacing.x < hint_w;
    draw_search_box(own_row ? avail : narrow ? avail - group_w - st.ItemSpacing.x : std::min(avail * 0.5f, 30.f * fs));
    bool status_drawn = true;  // false: a warning too long for its place, shown whole below the title
    if (!narrow) { ImGui::SameLine(); status_drawn = draw_search_status(right - group_w - st.ItemSpacing.x - ImGui::GetCursorPosX()); }
    if (!own_row) ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - group_w));
    if (ImGui::Button("A\xE2\x88\x92", ImVec2(bw, h)) || activated(Part::Smaller)) step_font(-1);
    keyboard_part(Part::Smaller);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Smaller text (Ctrl+-)");
    ImGui::SameLine();
    if (ImGui::Button("A+", ImVec2(bw, h)) || activated(Part::Larger)) step_font(1);
    keyboard_part(Part::Larger);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Larger text (Ctrl+=)");
    ImGui::SameLine();
    if (ImGui::Button(m_dark ? "Light" : "Dark") || activated(Part::Theme)) m_dark = !m_dark;
    keyboard_part(Part::Theme);
    // episode title line
    if (ep) {
        if (m_fonts.large) ImGui::PushFont(m_fonts.large);
        const std::string& title = ep->meta.title.empty() ? std::string(kUntitledEpisode) : ep->meta.title;
        bool cut = text_ellipsis(title, right - ImGui::GetCursorPosX());
        if (m_fonts.large) ImGui::PopFont();
        if (cut && ImGui::IsItemHovered()) tooltip_text(title);
        std::string sub = (ep->meta.date.empty() ? "" : ep->meta.date + "  \xC2\xB7  ") +
                          count_noun(ep->words.size(), "word", "words") + "  \xC2\xB7  " +
                          (ep->meta.times_estimated ? "\xE2\x89\x88" : "") + format_time(ep->meta.duration_ms);
        // narrow screens: while a query is on, its status takes this line's place (appearing under
        // it, it pushed every pane down a row on the first keystroke and up again when cleared)
        const bool status_here = narrow && (!m_model.query().empty() || !m_model.query_error().empty() || !m_model.link_note().empty());
        const std::string line = status_here ? search_status(m_model) : sub;
        float title_right = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
        if (title_right + st.ItemSpacing.x + ImGui::CalcTextSize(line.c_str()).x < right) ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        if (status_here) status_drawn = draw_search_status(right - ImGui::GetCursorPosX());
        else ImGui::TextDisabled("%s", sub.c_str());
        bool sub_hovered = !status_here && ImGui::IsItemHovered();
        if (ep->meta.times_estimated && sub_hovered)
            ImGui::SetTooltip("This transcript has no timestamps: times (marked \xE2\x89\x88) are estimated\nfrom an average speaking rate.");
        if (!ep->meta.media_url.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Open media at this moment") || activated(Part::Media)) open_media();
            keyboard_part(Part::Media);
        }
    }
    if (!status_drawn) draw_status_wrapped(right);
}

void App::open_media() {
    if (m_model.episode() >= m_model.episode_count() || !m_host.open_url) return;
    std::string url = m_model.current_episode().meta.media_url;
    if (url.empty()) return;
    url += (url.find('?') == std::string::npos ? "?t=" : "&t=") + std::to_string(m_model.time_ms() / 1000);
    m_host.open_url(url);
}

void App::draw_ready() {
    handle_shortcuts();
    draw_top_bar();
    float lh = ImGui::GetTextLineHeightWithSpacing();
    bool many = m_model.episode_count() > 1;
    if (m_model.loading()) draw_archive_progress();
    else if (many) draw_archive_summary();  // the bar's row stays: no jump when indexing ends
    if (many && m_model.episode_count() >= kArchiveTimelineMin) draw_archive_timeline(lh * 1.6f);
    draw_timeline(lh * 3.0f + (!m_model.episode_meta(m_model.episode()).chapters.empty() ? lh : 0.f));
    ImVec2 avail = ImGui::GetContentRegionAvail();
    m_narrow = avail.x < 46.f * ImGui::GetFontSize();
    m_narrow_tab_name.clear();
    // The explorer's first frame: a page or embed opened with a query (?q=, data-query, a link's q,
    // all set before it) shows that query's results first; without one (a link to a time, or none)
    // the transcript. A phone opened on the transcript, its blogger's results a tap away.
    const bool opening = !std::exchange(m_opened, true);
    if (m_narrow) {
        // narrow screens (phones): one pane at a time; a tapped result opens the transcript there
        // In a very narrow embed (a blog's sidebar) the whole labels were cut mid-word ("Trans…",
        // "Resul…"): there "Text" for Transcript, then Results without its count (the status line
        // says it), then tabs with less padding, before the tab bar cuts any.
        const std::string count = " (" + std::to_string(m_model.total_passages()) + ")";
        const ImGuiStyle& st = ImGui::GetStyle();
        const float n = many ? 4.f : 3.f;
        // the padding with which tabs of these labels fill the bar (ImGui: label + 2 x padding + 1, spaced)
        auto pad_to_fit = [&](std::initializer_list<std::string> labels) {
            float w = (many ? ImGui::CalcTextSize("Episodes").x : 0.f) + n * 1 + (n - 1) * st.ItemInnerSpacing.x;
            for (const std::string& l : labels) w += ImGui::CalcTextSize(l.c_str()).x;
            return std::floor((avail.x - w) / (2 * n));
        };
        const float pad = st.FramePadding.x;
        const bool whole = pad_to_fit({"Transcript", "Results" + count, "Topics"}) >= pad;
        const char* reader_label = whole ? "Transcript###transcript" : "Text###transcript";
        const bool counted = whole || pad_to_fit({"Text", "Results" + count, "Topics"}) >= pad;
        const std::string res = "Results" + (counted ? count : "") + "###results";
        const float short_pad = pad_to_fit({"Text", "Results", "Topics"});
        m_tab_pad = counted || short_pad >= pad ? -1.f : std::max(1.f, short_pad);
        if (m_tab_pad >= 0) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(m_tab_pad, st.FramePadding.y));
        const bool bar = ImGui::BeginTabBar("panes");
        if (m_tab_pad >= 0) ImGui::PopStyleVar();
        if (bar) {
            const bool show_reader = std::exchange(m_show_reader, false);
            const bool show_results = opening && !m_model.query().empty();
            if (begin_tab(reader_label, show_reader, "Transcript")) { m_narrow_tab_name = "Transcript"; draw_reader(); ImGui::EndTabItem(); }
            if (begin_tab(res.c_str(), show_results)) { m_narrow_tab_name = "Results"; draw_results(); keyboard_part(Part::List); ImGui::EndTabItem(); }
            if (begin_tab("Topics")) { m_narrow_tab_name = "Topics"; draw_topics(); keyboard_part(Part::List); ImGui::EndTabItem(); }
            if (many && begin_tab("Episodes")) { m_narrow_tab_name = "Episodes"; draw_episodes(); keyboard_part(Part::List); ImGui::EndTabItem(); }
            ImGui::EndTabBar();
        }
        m_tab_pad = -1.f;
        return;
    }
    if (m_left_width <= 0) m_left_width = std::max(avail.x * 0.34f, 18.f * ImGui::GetFontSize());
    m_left_width = std::clamp(m_left_width, 14.f * ImGui::GetFontSize(), avail.x * 0.6f);
    ImGui::BeginChild("left", ImVec2(m_left_width, avail.y), false);
    if (ImGui::BeginTabBar("left_tabs")) {
        std::string res = "Results (" + std::to_string(m_model.total_passages()) + ")###results";
        if (begin_tab(res.c_str())) { draw_results(); keyboard_part(Part::List); ImGui::EndTabItem(); }
        if (begin_tab("Topics")) { draw_topics(); keyboard_part(Part::List); ImGui::EndTabItem(); }
        if (many && begin_tab("Episodes")) { draw_episodes(); keyboard_part(Part::List); ImGui::EndTabItem(); }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    // splitter
    ImGui::SameLine(0, 0);
    float sw = 8.f;
    ImGui::InvisibleButton("splitter", ImVec2(sw, avail.y));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) m_left_width += ImGui::GetIO().MouseDelta.x;
    {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        float x = (a.x + b.x) * 0.5f;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), ImGui::GetColorU32(ImGuiCol_Separator));
    }
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("right", ImVec2(0, avail.y), false);
    draw_reader();
    ImGui::EndChild();
}

bool App::begin_tab(const char* label, bool select, const char* given_name) {
    const char* end = std::strstr(label, "###");  // "Results (3)###results" is recorded as "Results"
    std::string name(label, end ? size_t(end - label) : std::strlen(label));
    if (size_t paren = name.find(" ("); paren != std::string::npos) name.resize(paren);
    if (given_name) name = given_name;
    if (name == m_select_tab) { select = true; m_select_tab.clear(); }  // ←/→ on the focused tabs
    // the tab's own padding (m_tab_pad), not its content's: BeginTabItem sizes the tab with the style's
    if (m_tab_pad >= 0) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(m_tab_pad, ImGui::GetStyle().FramePadding.y));
    bool open = ImGui::BeginTabItem(label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2 + 1;  // as ImGui sizes a tab
    if (m_tab_pad >= 0) ImGui::PopStyleVar();
    if (select) m_animating = true;  // the tab bar switches in the next frame: draw it
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (open) {
        m_open_tab = name;
        keyboard_part(Part::Tabs);  // ←/→ switch tabs (handle_part_keys); drawn before the tab's content
    }
    m_tab_rects.push_back(TabRect{name, {a.x, a.y, b.x - a.x, b.y - a.y}, b.x - a.x + 0.5f < label_w});
    return open;
}

bool App::text_ellipsis(const std::string& text, float max_width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const char* b = text.c_str();
    const char* e = b + text.size();
    const ImVec2 size = ImGui::CalcTextSize(b, e);
    const bool cut = size.x > max_width;
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);  // as TextEx
    const ImRect bb(pos, ImVec2(pos.x + (cut ? std::max(0.f, max_width) : size.x), pos.y + size.y));
    ImGui::ItemSize(bb.GetSize(), 0.0f);  // as TextUnformatted: baseline at the top
    if (cut) m_ellipsized.push_back(text);
    if (!ImGui::ItemAdd(bb, 0)) return cut;
    // cut after the last whole word that fits with its "…" ("Mark Zuckerberg (Lex…", not "(Le…");
    // mid-word only when the first word alone does not fit
    std::string shown;
    if (cut)
        for (size_t sp = text.rfind(' '); sp != std::string::npos && sp > 0; sp = text.rfind(' ', sp - 1)) {
            size_t end = sp;  // "Mark Zuckerberg…", not "Zuckerberg (…"; "universe…", not "universe ·…"
            for (;;) {
                if (end > 0 && std::strchr(" ,;:(-", text[end - 1])) --end;
                else if (end > 1 && text.compare(end - 2, 2, "\xC2\xB7") == 0) end -= 2;
                else break;
            }
            if (end == 0) break;
            shown = text.substr(0, end) + "\xE2\x80\xA6";
            if (ImGui::CalcTextSize(shown.c_str()).x <= max_width) break;
            shown.clear();
        }
    if (cut && shown.empty()) {  // the first word alone does not fit: whole characters of it
        shown = cut_to_width(text, max_width, 1);
        if (shown.empty()) shown = "\xE2\x80\xA6";  // not one character fits beside it
    }
    if (!cut) {
        ImGui::RenderTextEllipsis(window->DrawList, bb.Min, bb.Max, bb.Max.x, bb.Max.x, b, e, &size);
        return cut;
    }
    ImGui::PushClipRect(bb.Min, ImVec2(bb.Max.x + 1, bb.Max.y), true);  // a lone "…" can be wider than the room
    ImGui::RenderText(bb.Min, shown.c_str(), nullptr, false);
    ImGui::PopClipRect();
    m_ellipsized_as.push_back(shown);
    return cut;
}

float App::tooltip_wrap_width(float em) const {
    const ImGuiStyle& st = ImGui::GetStyle();
    float screen = ImGui::GetMainViewport()->WorkSize.x - 2.f * (st.WindowPadding.x + st.DisplaySafeAreaPadding.x) - 4.f;
    return std::max(8.f * ImGui::GetFontSize(), std::min(em * ImGui::GetFontSize(), screen));
}

void App::tooltip_text(const std::string& text, float em) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(tooltip_wrap_width(em));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void App::draw_highlighted_wrapped(const std::string& text, const std::vector<HighlightSpan>& spans, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = 0, y = 0, space = font->CalcTextSizeA(fs, FLT_MAX, 0, " ").x;
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 hl = m_dark ? IM_COL32(150, 120, 20, 200) : IM_COL32(255, 214, 90, 255);
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
        size_t b = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
        if (i == b) break;
        float w = font->CalcTextSizeA(fs, FLT_MAX, 0, text.data() + b, text.data() + i).x;
        if (x > 0 && x + w > width) { x = 0; y += fs * 1.3f; }
        ImVec2 p(origin.x + x, origin.y + y);
        for (const HighlightSpan& s : spans) {  // only the matched bytes: not the "." or "," after a word
            if (!(b < s.end && i > s.begin)) continue;
            const size_t hb = std::max<size_t>(b, s.begin), he = std::min<size_t>(i, s.end);
            const float hx = hb > b ? font->CalcTextSizeA(fs, FLT_MAX, 0, text.data() + b, text.data() + hb).x : 0.f;
            const float hw = he < i || hb > b ? font->CalcTextSizeA(fs, FLT_MAX, 0, text.data() + hb, text.data() + he).x : w;
            dl->AddRectFilled(ImVec2(p.x + hx - 2, p.y), ImVec2(p.x + hx + hw + 2, p.y + fs * 1.15f), hl, 3.f);
        }
        dl->AddText(font, fs, p, col, text.data() + b, text.data() + i);
        x += w + space;
    }
    ImGui::Dummy(ImVec2(width, y + fs * 1.3f));
}

}  // namespace tx
