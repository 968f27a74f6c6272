// view_reader.cpp: the transcript as readable paragraphs with timestamps in the margin, query
// hits highlighted, the current hit emphasised, word-granular selection and copy. Virtualised:
// only paragraphs that intersect the visible area are drawn, so long episodes scroll at frame rate.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/app.h"

namespace tx {

// A word's width as ImFont::CalcTextSizeA (1.86) computes it: the same per-character products
// added in the same order, so the same float; printable ASCII without that call's per-call set-up
// and UTF-8 decoding (a layout measures every word of the episode).
static float measure_word(ImFont* font, float font_size, std::string_view w) {
    const float scale = font_size / font->FontSize;
    float x = 0.f;
    for (unsigned char c : w) {
        if (c < 32 || c >= 0x80) return font->CalcTextSizeA(font_size, FLT_MAX, 0, w.data(), w.data() + w.size()).x;
        x += (int(c) < font->IndexAdvanceX.Size ? font->IndexAdvanceX.Data[c] : font->FallbackAdvanceX) * scale;
    }
    return x;
}

// The gutter's small type: its font and size, its rows' pitch (tighter than the text's lines, so a
// name reads with the time above it), how far below a text line's top its first row is set (on
// the line's baseline), and its measure.
App::GutterFont App::gutter_font(float font_size) const {
    GutterFont g;
    g.font = m_fonts.small ? m_fonts.small : ImGui::GetFont();
    g.size = g.font->FontSize * ImGui::GetIO().FontGlobalScale;
    g.pitch = std::round(g.size * 1.3f);
    g.dy = (font_size - g.size) * 0.6f;
    ImFont* f = g.font;
    const float sz = g.size;
    g.measure = [f, sz](std::string_view s) { return f->CalcTextSizeA(sz, FLT_MAX, 0, s.data(), s.data() + s.size()).x; };
    return g;
}

bool App::ensure_layout(float width, float font_size, float gutter) {
    uint32_t e = m_model.episode();
    const auto& paras = m_model.paragraphs();
    if (e == m_layout_episode && width == m_layout_width && font_size == m_layout_font && gutter == m_layout_gutter &&
        m_layout_paras == paras.data() && m_layout_para_count == paras.size())
        return false;
    if (e >= m_model.episode_count()) return false;
    const Episode& ep = m_model.current_episode();
    const bool same_episode = e == m_layout_episode && !m_layout.lines.empty();
    const float space = measure_word(ImGui::GetFont(), font_size, " ");
    m_line_height = std::round(font_size * 1.55f);
    // the speakers' names as the gutter sets them (rows under the time), and so its height
    const GutterFont g = gutter_font(font_size);
    m_gutter_names.clear();
    std::vector<float> speaker_gutter;
    for (const std::string& name : ep.meta.speakers) {
        m_gutter_names.push_back(gutter_rows(name, gutter, g.measure));
        speaker_gutter.push_back(g.dy + float(m_gutter_names.back().size()) * g.pitch + g.size);
    }
    // Nothing laid out yet: draw_reader lays out as far as the frame shows (extend_reader_layout).
    m_layout = begin_layout(ep, paras, width, space, m_line_height, std::round(font_size * 0.9f), std::move(speaker_gutter));
    m_layout_frame = ImGui::GetFrameCount();
    m_layout_episode = e;
    m_layout_width = width;
    m_layout_font = font_size;
    m_layout_gutter = gutter;
    m_layout_paras = paras.data();
    m_layout_para_count = paras.size();
    m_sel_anchor = m_sel_end = -1;
    return same_episode;
}

void App::extend_reader_layout(float until_y, uint32_t until_word) {
    if (m_layout.complete()) return;
    ImFont* font = ImGui::GetFont();
    const float font_size = m_layout_font;
    auto measure = [&](std::string_view w) { return measure_word(font, font_size, w); };
    extend_layout(m_layout, m_model.current_episode(), m_model.paragraphs(), measure, until_y, until_word);
}

uint32_t App::word_at(float x, float y) const {
    const auto& paras = m_layout.paragraphs;
    if (paras.empty()) return 0;
    auto it = std::upper_bound(paras.begin(), paras.end(), y, [](float v, const LayoutParagraph& p) { return v < p.y; });
    const LayoutParagraph& p = it == paras.begin() ? paras.front() : *(it - 1);
    int li = int((y - p.y) / m_line_height);
    li = std::clamp(li, 0, int(p.line_count) - 1);
    const LayoutLine& line = m_layout.lines[p.first_line + uint32_t(li)];
    uint32_t w = line.first_word;
    for (uint32_t k = 0; k < line.word_count; ++k)
        if (m_layout.word_x[line.first_word + k] <= x) w = line.first_word + k;
    return w;
}

std::string App::selection_text() const {
    if (m_sel_anchor < 0 || m_model.episode() >= m_model.episode_count()) return {};
    const Episode& ep = m_model.current_episode();
    uint32_t a = uint32_t(std::min(m_sel_anchor, m_sel_end)), b = uint32_t(std::max(m_sel_anchor, m_sel_end));
    if (b >= ep.words.size()) return {};
    const uint32_t begin = word_display_span(ep, a).first, end = word_display_span(ep, b).second;  // with punctuation
    return ep.text.substr(begin, end - begin);
}

void App::copy_quote() {
    if (!m_host.copy_text || m_model.episode() >= m_model.episode_count()) return;
    const Episode& ep = m_model.current_episode();
    uint32_t a, b;
    if (m_sel_anchor >= 0) { a = uint32_t(std::min(m_sel_anchor, m_sel_end)); b = uint32_t(std::max(m_sel_anchor, m_sel_end)); }
    else if (!m_model.current_match(a, b)) { a = m_model.reader_word(); b = std::min<uint32_t>(a + 40, uint32_t(ep.words.size()) - 1); }
    else { b = std::min<uint32_t>(b + 20, uint32_t(ep.words.size()) - 1); a = a > 20 ? a - 20 : 0; }
    m_host.copy_text(m_model.quote(a, b, m_host.page_url));
}

const char* App::copy_note() {
    if (m_copy_note_at == -2) m_copy_note_at = ImGui::GetTime();
    if (m_copy_note_at < 0) return nullptr;
    if (ImGui::GetTime() - m_copy_note_at > kCopyNoteSeconds) { m_copy_note_at = -1; return nullptr; }
    m_animating = true;  // a frame to take the note away again
    return m_copy_ok ? "Copied" : "Not copied: the browser refused";
}

void App::draw_reader() {
    if (m_model.episode() >= m_model.episode_count()) return;
    const Episode& ep = m_model.current_episode();
    const auto& paras = m_model.paragraphs();
    const auto& flags = m_model.hit_flags();

    // toolbar: copy quote
    bool has_sel = m_sel_anchor >= 0;
    bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 30;
    const char* note = copy_note();
    std::string label = note ? note : has_sel || narrow ? "Copy quote" : "Copy quote at this moment";
    if (ImGui::SmallButton((label + "###copy_quote").c_str()) || activated(Part::CopyQuote)) copy_quote();
    keyboard_part(Part::CopyQuote);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copies the selected passage (or the one at the reader's position)\nwith its timestamp and a link to this moment.");
    if (!narrow) {
        ImGui::SameLine();
        ImGui::TextDisabled(has_sel ? "Ctrl+C copies the selection" : "Drag across words to select");
    }

    const ImGuiID child_id = ImGui::GetID("reader_text");
    ImGui::BeginChild("reader_text", ImVec2(0, 0), false, ImGuiWindowFlags_NoNavInputs);
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize();
    float avail = ImGui::GetContentRegionAvail().x;
    const GutterFont gf = gutter_font(fs);
    // The gutter: as wide as the longest time; on a wide reader, as wide as the longest speaker's
    // name too, up to 8 em ("Mark Zuckerberg" on one row); on a narrow one as its longest word, up
    // to a quarter of the reader ("Zuckerberg", "SPEAKER_01": a name cut loses what tells speakers
    // apart). A name wider than the gutter goes on to a second row under the time, cut with "…"
    // only where a word does not fit (gutter_rows).
    const bool narrow_reader = avail < fs * 30;
    float gutter = gf.measure("\xE2\x89\x88" "0:00:00");
    for (const std::string& name : ep.meta.speakers) {
        if (!narrow_reader) gutter = std::max(gutter, std::min(fs * 8, gf.measure(name)));
        else for (std::string_view w : label_words(name)) gutter = std::max(gutter, std::min(avail * 0.25f, gf.measure(w)));
    }
    gutter = std::ceil(gutter);  // whole pixels, and a word measured at its width fits
    m_margin = std::round(gutter + fs * (narrow_reader ? 0.6f : 1.2f));
    float text_w = std::min(avail - m_margin - fs, fs * 40.f);  // a comfortable measure
    if (text_w < fs * 8) text_w = std::max(fs * 4, avail - m_margin);
    // A new layout (width, text size) or a new reader window (wide <-> phone layout: a fresh scroll
    // of 0) keeps the reader at its word instead of reading the stale scroll as the user's.
    const bool keep_place = ensure_layout(text_w, fs, gutter) || child_id != m_reader_child_id;
    m_reader_child_id = child_id;

    // scroll request from the model (search hit, timeline click, deep link)
    uint32_t target;
    bool requested = m_model.take_scroll_request(target);
    if (!requested && keep_place) {
        target = m_model.reader_word();
        requested = true;
    }
    // Lay out what this frame shows: down to the bottom of the view and, for a scroll request,
    // the target's paragraph and a view below it (so the scroll is not cut short by an estimated
    // height). A layout begun in an earlier frame is finished now (a frame that lays out the whole
    // episode, tens of ms in WASM, is then never the first one with a new text, size or width).
    const float view_h0 = ImGui::GetWindowHeight();
    const bool wanted = requested && target < ep.words.size();
    extend_reader_layout(ImGui::GetScrollY() + view_h0, wanted ? target : 0);
    if (wanted) {
        const size_t tp = paragraph_of_word(paras, target);
        if (tp < m_layout.paragraphs.size()) extend_reader_layout(m_layout.paragraphs[tp].y + view_h0 * 2);
    }
    if (ImGui::GetFrameCount() != m_layout_frame) extend_reader_layout(FLT_MAX);
    if (!m_layout.complete()) m_animating = true;  // a next frame finishes it

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();  // already includes -scroll
    float text_x = origin.x + m_margin;
    ImGui::Dummy(ImVec2(m_margin + text_w, m_layout.total_height + fs * 4));

    if (wanted) {
        float y = 0;
        size_t pi = paragraph_of_word(paras, target);
        if (pi < m_layout.paragraphs.size()) {
            const LayoutParagraph& lp = m_layout.paragraphs[pi];
            y = lp.y + float(m_layout.word_line[target] - lp.first_line) * m_line_height;
        }
        m_scroll_expect = std::max(0.f, y - ImGui::GetWindowHeight() * 0.3f);
        ImGui::SetScrollY(m_scroll_expect);
        m_last_scroll_y = -2;  // not a user scroll
    }
    float scroll = ImGui::GetScrollY();
    float view_h = ImGui::GetWindowHeight();
    if (m_scroll_expect >= 0 && m_last_scroll_y != -2) {  // the frame after a programmatic scroll
        // landed where asked: not the user's scroll, so the model keeps its exact word and time
        // (reading the line's first word back made a deep link's t drift earlier on each reload)
        if (std::fabs(scroll - m_scroll_expect) < 1.f) m_last_scroll_y = scroll;
        m_scroll_expect = -1;
    }
    if (m_last_scroll_y != scroll && m_last_scroll_y != -2 && !m_layout.paragraphs.empty())
        m_model.reader_scrolled_to(word_at(0, scroll + view_h * 0.3f));
    if (!m_layout.paragraphs.empty()) m_model.reader_shows_from(word_at(0, scroll));
    m_last_scroll_y = scroll;

    // colours
    ImU32 col_text = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 col_dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImU32 col_hit = m_dark ? IM_COL32(140, 110, 20, 210) : IM_COL32(255, 221, 110, 255);
    ImU32 col_cur = m_dark ? IM_COL32(230, 120, 30, 255) : IM_COL32(255, 150, 40, 255);
    ImU32 col_sel = m_dark ? IM_COL32(60, 100, 170, 200) : IM_COL32(170, 205, 255, 255);
    TextSpan cur_span;
    std::vector<TextSpan> cur_spans;  // the current match, as word_marks takes it
    if (m_model.current_match_span(cur_span)) cur_spans.push_back(cur_span);
    std::vector<WordMark> marks;
    uint32_t sel_a = 0, sel_b = 0;
    if (m_sel_anchor >= 0) { sel_a = uint32_t(std::min(m_sel_anchor, m_sel_end)); sel_b = uint32_t(std::max(m_sel_anchor, m_sel_end)); }
    ImFont* small = gf.font;
    const float small_fs = gf.size;

    // visible paragraphs only
    const auto& lps = m_layout.paragraphs;
    auto first = std::upper_bound(lps.begin(), lps.end(), scroll, [](float v, const LayoutParagraph& p) { return v < p.y; });
    size_t pi = first == lps.begin() ? 0 : size_t(first - lps.begin() - 1);
    std::string_view text(ep.text);
    const std::string* hovered_name = nullptr;        // a name cut with "…" under the mouse
    for (; pi < lps.size() && lps[pi].y < scroll + view_h; ++pi) {
        const LayoutParagraph& lp = lps[pi];
        const Paragraph& p = paras[pi];
        float py = origin.y + lp.y;
        // gutter: the time, and under it the speaker's name (the paragraph is as tall as both)
        ReaderParagraph drawn{{origin.x, py, m_margin + text_w, lp.height}, text_x, {}};
        auto gutter_text = [&](const std::string& s, float y) {
            dl->AddText(small, small_fs, ImVec2(origin.x, y), col_dim, s.c_str());
            const ImVec2 sz = small->CalcTextSizeA(small_fs, FLT_MAX, 0, s.c_str());
            drawn.gutter.push_back(TextRect{s, {origin.x, y, sz.x, sz.y}});
        };
        gutter_text((ep.meta.times_estimated ? "\xE2\x89\x88" : "") + format_time(p.start_ms), py + gf.dy);
        const int16_t spk = ep.words[p.first_word].speaker;
        if (spk >= 0 && size_t(spk) < m_gutter_names.size()) {
            const auto& rows = m_gutter_names[size_t(spk)];
            for (size_t r = 0; r < rows.size(); ++r) gutter_text(rows[r], py + gf.dy + float(r + 1) * gf.pitch);
            const ImVec2 m = ImGui::GetIO().MousePos;
            const bool cut = std::any_of(rows.begin(), rows.end(), [](const std::string& r) {
                return r.size() >= 3 && r.compare(r.size() - 3, 3, "\xE2\x80\xA6") == 0;
            });
            if (cut && ImGui::IsWindowHovered() && m.x >= origin.x && m.x < text_x && m.y >= py + gf.dy + gf.pitch &&
                m.y < py + gf.dy + float(rows.size() + 1) * gf.pitch)
                hovered_name = &ep.meta.speakers[size_t(spk)];  // the hover names the speaker whole
        }
        m_reader_paras_drawn.push_back(std::move(drawn));
        for (uint32_t li = 0; li < lp.line_count; ++li) {
            const LayoutLine& line = m_layout.lines[lp.first_line + li];
            float ly = py + float(li) * m_line_height;
            if (ly > origin.y + scroll + view_h || ly + m_line_height < origin.y + scroll) continue;
            for (uint32_t k = 0; k < line.word_count; ++k) {
                uint32_t w = line.first_word + k;
                const auto [db, de] = word_display_span(ep, w);  // the word with its punctuation
                std::string_view s = text.substr(db, de - db);
                float x = text_x + m_layout.word_x[w];
                bool in_sel = m_sel_anchor >= 0 && w >= sel_a && w <= sel_b;
                if (in_sel) {  // a selection covers the punctuation too
                    float right = x + font->CalcTextSizeA(fs, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
                    if (k + 1 < line.word_count && w + 1 <= sel_b) right = text_x + m_layout.word_x[w + 1];
                    dl->AddRectFilled(ImVec2(x - 2, ly - 1), ImVec2(right + 2, ly + fs + 3), col_sel, 2.f);
                } else if (w < flags.size() && flags[w]) {
                    // a hit covers only what it matched (word_marks): the current match over the others
                    for (int pass = 0; pass < 2; ++pass) {
                        marks.clear();
                        word_marks(ep, w, pass == 0 ? m_model.hit_spans() : cur_spans, marks);
                        for (const WordMark& mk : marks) {
                            float left = x + font->CalcTextSizeA(fs, FLT_MAX, 0, s.data(), text.data() + mk.begin).x;
                            float right = x + font->CalcTextSizeA(fs, FLT_MAX, 0, s.data(), text.data() + mk.end).x;
                            // a phrase: on over the space to the next word of the line
                            if (mk.to_next && k + 1 < line.word_count) right = text_x + m_layout.word_x[w + 1];
                            dl->AddRectFilled(ImVec2(left - 2, ly - 1), ImVec2(right + 2, ly + fs + 3), pass == 0 ? col_hit : col_cur, 3.f);
                        }
                    }
                }
                dl->AddText(font, fs, ImVec2(x, ly), col_text, s.data(), s.data() + s.size());
            }
        }
    }

    if (hovered_name) tooltip_text(*hovered_name);

    // selection with the mouse (word granularity)
    ImGuiIO& io = ImGui::GetIO();
    bool over = ImGui::IsWindowHovered() && io.MousePos.x >= text_x - 4;
    if (over) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (over && ImGui::IsMouseClicked(0)) {
        m_sel_anchor = m_sel_end = word_at(io.MousePos.x - text_x, io.MousePos.y - origin.y);
        m_selecting = true;
    }
    if (m_selecting && m_touch) {
        // a finger: the drag scrolls the pane; only a tap (no drag) moves the reader's position
        if (io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold) m_selecting = false;
        m_sel_anchor = m_sel_end = -1;
        if (m_selecting && ImGui::IsMouseReleased(0)) {
            m_selecting = false;
            m_model.reader_scrolled_to(word_at(io.MouseClickedPos[0].x - text_x, io.MouseClickedPos[0].y - origin.y));
        }
    }
    if (m_selecting && !m_touch && ImGui::IsMouseDown(0)) {
        m_sel_end = word_at(io.MousePos.x - text_x, io.MousePos.y - origin.y);
        // auto-scroll near the edges while selecting
        float wy = ImGui::GetWindowPos().y;
        if (io.MousePos.y < wy + fs) { ImGui::SetScrollY(scroll - fs); m_animating = true; }
        if (io.MousePos.y > wy + view_h - fs) { ImGui::SetScrollY(scroll + fs); m_animating = true; }
    }
    if (m_selecting && !m_touch && ImGui::IsMouseReleased(0)) {
        m_selecting = false;
        if (m_sel_anchor == m_sel_end) {  // a click: move the reader position here, clear the selection
            m_model.reader_scrolled_to(uint32_t(m_sel_anchor));
            m_sel_anchor = m_sel_end = -1;
        }
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) m_sel_anchor = m_sel_end = -1;
    // keyboard scrolling: ↑/↓ a line, Space/Shift+Space a screen while the reader has the keys;
    // Home/End the start and the end also when no part has them; PageUp/PageDown a screen unless a
    // list has the keys (it pages itself, as lists do elsewhere) or a text box has the caret
    const bool reader_keys = m_part == Part::Reader || m_part == Part::None;
    if (!io.WantTextInput && !list_has_keys()) {
        auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
        const bool space = m_part == Part::Reader && key(ImGuiKey_Space);
        const float line = m_part == Part::Reader ? m_line_height : 0.f;  // arrows: only while the reader has the focus
        float to = scroll;
        if (key(ImGuiKey_PageDown) || (space && !io.KeyShift)) to = scroll + view_h * 0.85f;
        if (key(ImGuiKey_PageUp) || (space && io.KeyShift)) to = scroll - view_h * 0.85f;
        if (key(ImGuiKey_DownArrow)) to = scroll + line;
        if (key(ImGuiKey_UpArrow)) to = scroll - line;
        if (reader_keys && key(ImGuiKey_Home)) to = 0.f;
        if (reader_keys && key(ImGuiKey_End)) to = ImGui::GetScrollMaxY();
        if (to != scroll) ImGui::SetScrollY(std::clamp(to, 0.f, ImGui::GetScrollMaxY()));
    }
    ImGui::EndChild();
    keyboard_part(Part::Reader);
}

}  // namespace tx
