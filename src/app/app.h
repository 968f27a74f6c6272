// app.h: the explorer's ImGui views. Draws the AppModel and calls its actions; UI-only state
// (reader selection, pane sizes, search box buffer) lives here, everything else in the model.
// One feature per file: view_search.cpp (search bar + results), view_reader.cpp (transcript),
// view_timeline.cpp (topic timeline), view_panels.cpp (topics, episodes), app.cpp (layout).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "app/model/text_layout.h"
#include "core/search.h"  // kMaxQueryBytes

struct ImFont;
struct ImGuiInputTextCallbackData;
struct ImVec2;
struct ImVec4;

namespace tx {

struct AppFonts {
    ImFont* body = nullptr;   // reading text
    ImFont* small = nullptr;  // margins, captions
    ImFont* large = nullptr;  // headings
};

// Native key indices for keys ImGui 1.86 has no ImGuiKey_ for (the platform fills them in).
struct AppKeys {
    int f3 = -1, f = -1, c = -1, equals = -1, minus = -1, slash = -1, zero = -1, keypad_zero = -1;
};

// What the views need from the platform.
struct AppHost {
    std::function<void(const std::string&)> copy_text;  // put text on the clipboard
    std::function<void(const std::string&)> open_url;   // open a link in a new tab
    std::string page_url;                                // for quotes and deep links
};

constexpr size_t kArchiveTimelineMin = 8;  // episodes from which the archive timeline is shown

// The parts of the explorer that Tab / Shift+Tab move between, in the order they are drawn
// (the page's reading order: top bar, timeline, left pane, reader). Each takes its own keys while
// it has the keyboard focus; see handle_part_keys().
// Media: "Open media at this moment" (episodes with a media link); ShowAllTopics: the Topics tab's
// "Show all topics" (while a topic is highlighted); List: the open tab's results, topics or episodes.
// The Episodes tab (archives): ShowAllEpisodes ("Show all episodes", while a recurring topic is
// chosen), RecurringTopics (its rows), EpisodeFilter, then List.
enum class Part : int { None, Search, Smaller, Larger, Theme, Media, Timeline, Tabs, EpisodeFilter, ShowAllTopics, List, CopyQuote, Reader,
                        ShowAllEpisodes, RecurringTopics };

// The canvas text boxes the page's text field can stand in for (App::field_has_keys).
enum class Field : int { None = 0, Search = 1, EpisodeFilter = 2 };

// One text box's side of the page's text field (App::field_edit): what the field sent that the box
// has still to take, and what the field was last told the box holds.
struct FieldLink {
    std::string text;   // the field's text, waiting for the box
    int caret = -1;     // its caret (bytes); -1: nothing waiting
    int key = -1;       // a key of the field waiting for the box (App::field_key)
    std::string seen;   // the box's text the field last had (sent, or copied back to it)
};
// For a box's ImGuiInputTextFlags_CallbackAlways: the field's text waiting in `link` replaces the
// box's, caret at link.caret. @return true when there was one (view_search.cpp).
bool take_field_text(const FieldLink& link, ImGuiInputTextCallbackData* data);
// For a box's ImGuiInputTextFlags_CallbackAlways: text pasted on the page (App::paste) replaces the
// box's selection, cut at a character to what the box has room for, caret after it; `paste` is
// emptied. @return true when there was some (view_search.cpp).
bool take_paste(std::string& paste, ImGuiInputTextCallbackData* data);

class App {
public:
    // The fixed texts drawn in the large font besides the episodes' titles: the loading screen's
    // and the error screen's headlines, and the title of an episode without one. The platform's
    // first atlas gives the large size only their characters and the titles' (main_web.cpp).
    static constexpr const char* kLoadingHeadline = "Transcript Explorer";
    static constexpr const char* kFailedHeadline = "This transcript could not be opened";
    static constexpr const char* kUntitledEpisode = "Untitled episode";
    App(AppModel& model, AppHost host) : m_model(model), m_host(std::move(host)) {}
    // Draw one frame of UI covering the whole display. Call between ImGui::NewFrame and Render.
    void frame(const AppFonts& fonts, const AppKeys& keys);

    void set_page_url(std::string url) { m_host.page_url = std::move(url); }
    bool dark() const { return m_dark; }
    void set_dark(bool d) { m_dark = d; }
    float font_scale() const { return m_font_scale; }   // the platform rebuilds fonts when it changes
    void set_font_scale(float s);                       // clamped to [0.7, 2]
    // The text size keys and buttons: dir > 0 one step larger (Ctrl+=, A+), < 0 smaller (Ctrl+-,
    // A-), 0 the default size (Ctrl+0). The page calls it for the keys its search field takes.
    void step_font(int dir);
    bool animating() const { return m_animating; }      // true while something needs more frames
    // The page's answer to the last copy (Copy quote, Ctrl+C): the clipboard took the text, or
    // refused it (an iframe embed on another origin, a page over plain http). The Copy quote
    // button says "Copied" or "Not copied" for kCopyNoteSeconds, and so does its announcement.
    void copy_result(bool ok) { m_copy_ok = ok; m_copy_note_at = -2; m_animating = true; }
    // What the Copy quote button says about the last copy: "", "copied" or "refused" (for tests).
    const char* copy_note_state() const { return m_copy_note_at == -1 ? "" : m_copy_ok ? "copied" : "refused"; }
    // Where the timeline strip was drawn last frame (x, y, w, h in CSS px), for tests and embeds.
    const float* timeline_rect() const { return m_timeline_rect; }
    // Where the search box was drawn last frame (x, y, w, h in CSS px): touch screens focus a text
    // proxy there to open the on-screen keyboard.
    const float* search_rect() const { return m_search_rect; }
    // The hint the empty search box showed last frame (with or without its examples), for tests.
    const std::string& search_hint() const { return m_search_hint; }
    // The timeline's time labels drawn last frame (text; x, y, w, h in CSS px), for tests.
    struct TextRect { std::string text; float rect[4]; };
    const std::vector<TextRect>& axis_labels() const { return m_axis_labels; }
    // The timeline's topic labels drawn last frame: the text drawn (whole, or cut with "…"), the
    // topic's whole label, whether it is the segment at the reader's position, x, y, w, h in CSS
    // px; for tests.
    struct TopicLabel { std::string text, label; bool current; float rect[4]; };
    const std::vector<TopicLabel>& topic_labels() const { return m_topic_labels; }
    const std::vector<TextRect>& chapter_labels() const { return m_chapter_labels; }  // the chapter row's titles as drawn (cut: the whole title, the drawn width)
    // Tabs drawn last frame (name, x, y, w, h in CSS px), and the selected one of the phone
    // layout's single pane ("" on wide screens), for tests.
    struct TabRect { std::string name; float rect[4]; bool cut; };  // cut: narrower than its label
    const std::vector<TabRect>& tab_rects() const { return m_tab_rects; }
    const std::string& narrow_tab() const { return m_narrow_tab_name; }
    // The Episodes tab's filter box (x, y, w, h in CSS px, zero until drawn) and the episodes its
    // list holds (all, or those matching the filter), for tests.
    const float* episode_filter_rect() const { return m_episode_filter_rect; }
    size_t episode_rows() const { return m_episode_rows.size(); }
    // The Episodes tab's recurring topics drawn last frame (topic: index into
    // AppModel::recurring_topics(); the row's and the colour swatch's x, y, w, h in CSS px), and
    // what it said instead of rows ("" when it drew rows or nothing), for tests.
    struct TopicListRow { int topic; float rect[4]; float swatch[4]; };
    const std::vector<TopicListRow>& topic_list_rows() const { return m_topic_rows_drawn; }
    const std::string& topic_list_note() const { return m_topic_list_note; }
    // The results' group heading pinned at the top of the list last frame ("" when none), for tests.
    const std::string& results_pinned() const { return m_results_pinned; }
    // The reader's paragraphs drawn last frame: the paragraph's box (x, y, w, h in CSS px: the
    // gutter and the text, its gap to the next one left out), where its text starts (x), and what
    // its gutter drew (the time, the speaker's name rows, each with its box), for tests.
    struct ReaderParagraph { float rect[4]; float text_x; std::vector<TextRect> gutter; };
    const std::vector<ReaderParagraph>& reader_paragraphs() const { return m_reader_paras_drawn; }
    // Texts drawn cut with an ellipsis last frame (their full text), for tests.
    const std::vector<std::string>& ellipsized() const { return m_ellipsized; }
    // and what was drawn of each: cut after a whole word, or within the first when it alone does not fit
    const std::vector<std::string>& ellipsized_as() const { return m_ellipsized_as; }
    // Keyboard focus between the explorer's parts. tab(+1 / -1): Tab / Shift+Tab pressed (applied
    // next frame). tab_leaves(dir): the focused part is the last (dir +1) or first (-1) one drawn,
    // so Tab moves on to the page. enter(dir): focus came from the page going forward (+1: the
    // first part) or backward (-1: the last one).
    void tab(int dir) { m_pending_tab = dir; }
    // Text pasted on the page (its paste event: ImGui cannot read the page's clipboard) for the text
    // box that has the keys, which takes it next frame. Typed characters would not do: a box
    // ignores them while Ctrl is down, as it is for Ctrl+V.
    void paste(std::string text) { m_paste = std::move(text); m_animating = true; }
    bool tab_leaves(int dir) const;
    void enter(int dir);
    // Whether the page's keyboard focus is on the explorer (the web canvas). Without it no text box
    // holds the caret: an embed beside the host page's own fields must not look as if it takes the
    // keys. A box that had the caret when the focus left gets it back when the focus returns other
    // than by a click or tap (the window coming back, a script's focus()); a click decides itself.
    // Native builds and tests never call this: the explorer then always has the focus.
    void set_page_focus(bool focused, bool by_pointer);
    // Whether the pointer is a finger (the platform says so at each press). A finger's drag over the
    // reader scrolls it (the platform turns it into wheel steps) and its tap moves the reader's
    // position there: it selects no words and never auto-scrolls at the pane's edges as a mouse
    // selecting text does. Native builds and tests without it have a mouse.
    void set_touch(bool touch) { m_touch = touch; }
    // A tap on the search box gives the keys to a text field of the page (so that a phone opens its
    // on-screen keyboard), which sends its text as the query: the box is then not ImGui's active
    // item and draws that field's caret itself, at byte `caret` of the query (-1: the field lost
    // the focus). The caret drawn, in window pixels from the box's left edge, or -1.
    void set_touch_caret(int caret) { m_touch_caret = caret; m_animating = true; }
    float touch_caret_x() const { return m_touch_caret_x; }
    bool page_focus() const { return m_page_focus; }
    bool focus_filter_pending() const { return m_focus_filter; }
    Part part() const { return m_part; }
    bool part_visible() const { return m_focus_visible; }  // its focus ring is drawn
    int topic_cursor() const { return m_topic_cursor; }    // the Topics row ↑/↓ are on (-1: none; chapters first, then topics), for tests
    // The Episodes tab's recurring topic row ↑/↓ are on (index into recurring_by_episodes(); -1:
    // none), for tests.
    int recurring_cursor() const { return m_recurring_cursor; }
    static const char* part_name(Part p);

    // ---- screen readers (the web page's live regions and text field, web/explorer-loader.js) ----
    // What the keyboard focus is on, in words: the part and, in a list, its row (announce.h), e.g.
    // "Results list: 12:34, …, result 3 of 9"; "" while the focus is not the keyboard's (after a
    // click, or with the page's focus elsewhere) and on a text box the page's text field stands in
    // for (the page names the field). Computed at the end of each frame.
    const std::string& focus_text() const { return m_focus_text; }
    // The text box that has the keys because the keyboard brought them there (Tab, Shift+Tab, "/",
    // Ctrl+F or ↑ from a list, with the focus ring up): the search box or the Episodes filter. The
    // page then moves its focus to a text field over that box, which a screen reader names and
    // reads back, and forwards the field's text and keys here. Field::None otherwise.
    Field field_has_keys() const;
    bool search_has_keys() const { return field_has_keys() == Field::Search; }
    // The page's text field changed: its text and caret (in UTF-16 units, as the DOM counts) become
    // the text of the box it stands in for (applied next frame; the box keeps its caret, so it looks
    // as if typed there).
    void field_edit(const std::string& text, int caret_utf16);
    // A key of the page's text field that the box handles itself (next frame): ↓ (0), ↑ (1),
    // Escape (2), Enter (3). The search box: ↓ into the results (or forward in the history), ↑
    // back in the history, Escape clears (then leaves); the page steps to the next hit on Enter
    // itself. The Episodes filter: ↓ or Enter into the list, Escape clears it.
    void field_key(int key) { link(field_has_keys()).key = key; m_animating = true; }
    // The text of the box the field stands in for (the search box's when none), and a count that
    // changes when a box changed its text other than from the page's field (history, Escape), so
    // the page copies it back into the field.
    const char* search_text() const { return m_query_buf; }
    const char* field_text() const { return field_has_keys() == Field::EpisodeFilter ? m_episode_filter : m_query_buf; }
    uint32_t field_text_rev() const { return m_field_text_rev; }
    // The search syntax the search box's tooltip shows (the page's field is described by it).
    static const char* search_help();

private:
    // app.cpp
    void draw_loading();
    void draw_error();
    void draw_ready();
    void draw_top_bar();
    void handle_shortcuts();
    void handle_part_keys();    // the focused part's keys (tabs, timeline; lists and reader draw their own)
    void apply_tab();           // a pending Tab / Shift+Tab moves m_part along m_parts_last
    void set_part(Part p);      // give p the keyboard focus (the text boxes take their caret)
    // Record that part p was drawn as the last item (or rect a-b) and draw its focus ring when it
    // has the keyboard focus. @return true when p has the focus.
    bool keyboard_part(Part p);
    bool keyboard_part(Part p, const float a[2], const float b[2]);
    bool activated(Part p) const;  // Enter or Space on the focused button p
    // The focused list's keys for a list of n rows with row `at` selected (-1: none): ↑/↓ one row,
    // PageUp/PageDown a page, Home/End the first / last.
    // @return the row to go to (-1: ↑ on the first row), or -2 when none of these keys was pressed.
    // page: rows a page holds (-1: the rows the list showed last frame).
    int list_keys(int at, int n, int page = -1) const;
    // A "Show all …" button in the Tab walk as part p. @return 0: not pressed; 1: pressed; 2:
    // pressed by the keyboard (the button goes away, so `rows` take the keys, from the next key on).
    int show_all_button(const char* label, Part p, Part rows);
    // Rows with a cursor row while part p has the keys (the Topics list, the recurring topics):
    // ↑/↓, PageUp/PageDown (`page` rows; -1: list_keys' default) and Home/End move `cursor`
    // (setting `scroll`), from `start` when it is on no row; -1 while p has not the keys; `hold`:
    // not this frame. @return true when Enter or Space chose the cursor row, as a click does.
    bool cursor_rows(Part p, int& cursor, bool& scroll, int n, int start, bool hold, int page = -1);
    void count_list_row();         // after a list row's item: counts it when visible (the page size)
    void open_media();             // "Open media at this moment": the media link at the reader's time
    void choose_topic(size_t i);   // a Topics row clicked or chosen by Enter: highlight it and jump there
    bool list_has_keys() const { return m_part == Part::List || m_part == Part::RecurringTopics; }  // it pages itself
    FieldLink& link(Field f) { return f == Field::EpisodeFilter ? m_filter_link : m_search_link; }
    // After a box linked to the page's field was drawn (`active`: it has the caret; `applied`: its
    // callback took the field's text this frame): a text waiting that the box could not take goes
    // into `buf` directly, and the field is told what the box changed by itself (field_text_rev).
    // @return true when `buf` changed here.
    bool settle_field(FieldLink& l, char* buf, size_t cap, bool active, bool applied);
    void copy_quote();             // the "Copy quote" button's action
    static constexpr double kCopyNoteSeconds = 2.5;
    // "Copied" / "Not copied: …" while the page's answer to a copy is news (see copy_result), else null.
    const char* copy_note();
    // BeginTabItem, recording its rect under `name` (default: the label before " (" or "###")
    bool begin_tab(const char* label, bool select = false, const char* name = nullptr);
    // One line of text, cut with an ellipsis when wider than max_width. @return true when cut.
    bool text_ellipsis(const std::string& text, float max_width);
    // The width for wrapped tooltip text: at most `em` font sizes, and never wider than the screen.
    float tooltip_wrap_width(float em) const;
    void tooltip_text(const std::string& text, float em = 24);  // a tooltip of wrapped text
    // view_search.cpp
    void draw_search_box(float width);
    // Hit counts, the query error or a deep link's note, cut with "…" (full text on hover) at
    // max_width. A warning (query error, link note) is never cut: @return false, drawing nothing,
    // when it does not fit, for draw_status_wrapped() to show it whole.
    bool draw_search_status(float max_width);
    // The status line in full, wrapped at `right` (window coordinates), in the warning colour.
    void draw_status_wrapped(float right);
    void draw_touch_caret(bool active);  // in m_search_rect
    void draw_results();
    // view_reader.cpp
    void draw_reader();
    // Lay out the current episode's paragraphs for this width and font size. @return true when
    // the layout was rebuilt for the episode already shown (width or text size changed).
    // gutter: the width of the gutter's names (their rows: gutter_rows, in m_gutter_names).
    bool ensure_layout(float width, float font_size, float gutter);
    struct GutterFont {
        ImFont* font = nullptr;
        float size = 0, pitch = 0, dy = 0;
        MeasureFn measure;
    };
    GutterFont gutter_font(float font_size) const;  // the reader gutter's type at text size font_size
    // Lay out the next paragraphs until they reach below until_y and hold word until_word (see
    // extend_layout); nothing once the layout is complete.
    void extend_reader_layout(float until_y, uint32_t until_word = 0);
    uint32_t word_at(float x, float y) const;  // layout coordinates -> word index
    std::string selection_text() const;
    // view_timeline.cpp
    void draw_timeline(float height);
    // The topic labels over the timeline's topic row (row: x0, y0, x1, y1; spans: each topic's x
    // range as x, y; fills: each topic's fill as drawn, which picks its label's ink (label_ink);
    // current: the topic at the reader's position, -1: none; reader_x: its marker).
    void draw_topic_labels(const std::vector<ImVec2>& spans, const std::vector<uint32_t>& fills, int current, float reader_x, const ImVec4& row);
    // Near-black or near-white, whichever contrasts more with `fill` (ABGR) drawn over the strip's
    // own colour: the palette's bright fills take black in both themes (white on them was 2.2-3.8:1
    // in the dark theme), a dimmed or translucent grey segment over the dark strip white.
    static uint32_t label_ink(uint32_t fill);
    // `text` cut and ended with "…" to fit max_width px: after its last whole " · "-joined keyword
    // that fits, else at a character; "" when that leaves fewer than min_chars characters.
    static std::string cut_to_width(const std::string& text, float max_width, size_t min_chars);
    // view_panels.cpp
    void draw_topics();
    // The Topics tab's chapters table (the episode's chapters); cursor_row: the keyboard's row among
    // them (-1: none), whose rect goes to cursor_a, cursor_b.
    void draw_chapters(int cursor_row, ImVec2& cursor_a, ImVec2& cursor_b);
    void draw_episodes();
    // view_archive.cpp
    void draw_archive_progress();           // "Indexed 120 of 291 episodes" while an archive loads
    void draw_archive_summary();            // in the bar's place once the archive is indexed
    void draw_archive_timeline(float height);  // episodes by date, hit density per episode
    void draw_archive_topics();             // the recurring topics (strip colours), choosing one filters the list
    // shared helper: wrapped text with highlighted byte spans
    void draw_highlighted_wrapped(const std::string& text, const std::vector<HighlightSpan>& spans, float width);

    AppModel& m_model;
    AppHost m_host;
    AppFonts m_fonts;
    AppKeys m_keys;
    bool m_dark = false;
    float m_font_scale = 1.f;
    bool m_animating = false;
    bool m_copy_ok = false;        // see copy_result
    double m_copy_note_at = -1;    // ImGui time the copy note appeared; -2: from the next frame; -1: none

    // keyboard focus (see Part)
    Part m_part = Part::Search;
    bool m_focus_visible = false;       // focus moved by the keyboard: its ring is drawn
    int m_pending_tab = 0;
    std::vector<Part> m_parts_drawn, m_parts_last;  // this frame's and last frame's parts, in order
    std::string m_select_tab;           // a tab to select next frame (←/→ on the tabs)
    std::vector<std::string> m_tab_names;  // the tabs drawn last frame, in order
    std::string m_open_tab;             // the left pane's (or phone's) open tab last frame
    bool m_focus_filter = false;        // give the episode filter the caret next frame
    bool m_page_focus = true;           // see set_page_focus
    Part m_refocus = Part::None;        // the text box to give the caret back when the focus returns
    bool m_episode_scroll = false;      // scroll the episode list to the current episode
    int m_list_rows_drawn = 0, m_list_rows_last = 0;  // list rows visible this frame / last frame
    int m_topic_cursor = -1;            // the Topics row ↑/↓ are on while the list has the keys (-1: none): the
                                        // episode's chapters, then its topics
    bool m_topic_scroll = false;        // scroll the Topics list to m_topic_cursor
    int m_recurring_cursor = -1;        // the recurring topic row ↑/↓ are on while its list has the keys
    bool m_recurring_scroll = false;    // scroll the recurring topics to m_recurring_cursor

    // screen readers (see focus_text)
    std::string m_focus_text;
    void update_focus_text();     // end of frame: m_focus_text for the focused part and row
    FieldLink m_search_link, m_filter_link;  // the page's text field and the boxes (field_edit)
    uint32_t m_field_text_rev = 0;

    // search box
    // the box holds more than a query may have (kMaxQueryBytes, 1024), so a longer one typed or
    // pasted is refused with "The query is too long" instead of being cut to 1,023 bytes and searched
    char m_query_buf[4 * kMaxQueryBytes] = {};
    bool m_focus_search = true;
    int m_history_pos = -1;
    std::string m_history_draft;      // the query being typed when ↑ started walking the history
    bool m_focus_results = false;     // ↓ from the search box: the results list takes the keys
    double m_last_edit_time = 0;
    bool m_history_pending = false;
    bool m_results_scroll_to_selected = false;
    std::string m_results_pinned;     // see results_pinned()

    // episode list
    char m_episode_filter[128] = {};
    std::string m_episode_filter_text;   // the filter m_episode_rows was built for
    std::vector<uint32_t> m_episode_rows;  // episodes listed (matching the filter and topic), in order
    int m_episode_rows_topic = -1;         // the chosen recurring topic m_episode_rows was built for
    size_t m_episode_rows_of = 0;          // and the episode count
    std::vector<TopicListRow> m_topic_rows_drawn;  // see topic_list_rows()
    std::string m_topic_list_note;
    float m_episode_filter_rect[4] = {};

    // panes
    float m_left_width = 0.f;  // 0 = default (a third)
    bool m_narrow = false;             // phone layout: one pane at a time, in tabs
    bool m_show_reader = false;        // phone layout: select the Transcript tab next frame
    bool m_opened = false;             // the first ready frame was drawn (it chose the phone's tab)
    std::string m_narrow_tab_name;     // phone layout: the selected tab
    std::vector<TabRect> m_tab_rects;  // tabs drawn this frame
    float m_tab_pad = -1.f;            // the phone tabs' padding where the style's would cut them (-1: the style's)
    std::vector<std::string> m_ellipsized;  // texts cut with an ellipsis this frame
    std::vector<std::string> m_ellipsized_as;  // what was drawn of them

    // reader layout cache
    TextLayout m_layout;
    uint32_t m_layout_episode = UINT32_MAX;
    float m_layout_width = -1, m_layout_font = -1, m_layout_gutter = -1;
    std::vector<std::vector<std::string>> m_gutter_names;  // each speaker's name as the gutter sets it
    std::vector<ReaderParagraph> m_reader_paras_drawn;   // the reader's paragraphs drawn this frame
    const void* m_layout_paras = nullptr;
    size_t m_layout_para_count = 0;
    int m_layout_frame = -1;  // ImGui frame count when m_layout was begun (it is finished in the next)
    float m_line_height = 0, m_margin = 0;
    // reader selection (word indices, inclusive), -1 when none
    int64_t m_sel_anchor = -1, m_sel_end = -1;
    bool m_selecting = false;
    bool m_touch = false;               // see set_touch
    int m_touch_caret = -1;             // see set_touch_caret
    float m_touch_caret_x = -1;
    float m_last_scroll_y = -1;
    float m_scroll_expect = -1;      // where a programmatic scroll should land (not the user's)
    unsigned m_reader_child_id = 0;  // the reader's child window (differs between layouts)

    // timeline zoom: visible fraction [m_tl_begin, m_tl_end] of the episode
    float m_tl_begin = 0.f, m_tl_end = 1.f;
    float m_timeline_rect[4] = {0, 0, 0, 0};
    float m_search_rect[4] = {0, 0, 0, 0};
    std::string m_search_hint;             // the search box's hint drawn last frame
    std::string m_paste;                   // pasted text waiting for the active box (paste)
    std::vector<TextRect> m_axis_labels;   // the timeline's time labels drawn this frame
    std::vector<TopicLabel> m_topic_labels;  // the timeline's topic labels drawn this frame
    std::vector<TextRect> m_chapter_labels;  // the timeline's chapter titles drawn this frame
};

}  // namespace tx
