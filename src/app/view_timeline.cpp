// view_timeline.cpp: the topic timeline strip: computed topic segments coloured by topic group
// (an archive: by recurring topic across episodes, grey when a topic is only in this episode),
// creator chapters as a second row, the query's hit density, the reader's position. Hover shows a
// segment's keywords and first words, a chapter's title; click seeks (a chapter: to its start); wheel zooms and drag pans on long episodes.
#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis: chapter titles cut to their chapter

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/app.h"

namespace tx {

static std::string first_words(const Episode& ep, uint32_t w, uint32_t n) {
    if (w >= ep.words.size()) return {};
    uint32_t e = std::min<uint32_t>(w + n, uint32_t(ep.words.size())) - 1;
    return ep.text.substr(ep.words[w].begin, ep.words[e].end - ep.words[w].begin) + "\xE2\x80\xA6";
}

// Topic labels on the strip's topic row (x0, y0, x1, y1 in `row`): a label is drawn whole where it
// fits in its segment, else cut to a readable start (its first keywords whole, "singular ai…",
// or at least kMinLabelChars characters, "jiuji…"), else not at all: the segment's tooltip names
// it. On a phone every label was cut to "ji…". The segment at the reader's position (`current`) always shows its label
// whole (cut only to the strip's width), over its neighbours if need be, in a box of its colour
// beside the reader's marker; the labels it would cover are left out.
uint32_t App::label_ink(uint32_t fill) {
    const ImVec4 under = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
    const float a = float(fill >> 24) / 255.f, rgb_under[3] = {under.x, under.y, under.z}, weight[3] = {0.2126f, 0.7152f, 0.0722f};
    float lum = 0;  // luminance of the fill over the strip (sRGB taken as gamma 2: no pow)
    for (int k = 0; k < 3; ++k) {
        const float v = float((fill >> (8 * k)) & 0xFF) / 255.f * a + rgb_under[k] * (1 - a);
        lum += weight[k] * v * v;
    }
    // 0.21: the ink of higher WCAG contrast for every palette colour, dimmed or not, in both themes
    return lum > 0.21f ? IM_COL32(20, 20, 25, 255) : IM_COL32(240, 240, 240, 255);
}

void App::draw_topic_labels(const std::vector<ImVec2>& spans, const std::vector<uint32_t>& fills, int current, float reader_x, const ImVec4& row) {
    constexpr size_t kMinLabelChars = 5;
    const auto& topics = m_model.topics();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize(), y = row.y + (row.w - row.y - fs) * 0.5f + 1;
    auto record = [&](const std::string& text, const TopicRow& t, float x, bool cur) {
        m_topic_labels.push_back(TopicLabel{text, t.label, cur, {x, y, ImGui::CalcTextSize(text.c_str()).x, fs}});
    };
    // the current segment's box, when its label does not fit in the segment
    float ba = 0, bb = 0;  // its x range (empty: none)
    if (current >= 0) {
        const TopicRow& t = topics[size_t(current)];
        const float xa = std::max(spans[size_t(current)].x, row.x), xb = std::min(spans[size_t(current)].y, row.z);
        const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
        if (xb > xa && tw + 8 >= xb - xa) {
            // beside the reader's marker (right of it, else left), so the marker does not cross
            // the label; centred on the segment when neither side has room
            const float bw = std::min(tw + 8, row.z - row.x);
            ba = reader_x + 6 + bw <= row.z ? reader_x + 6
               : reader_x - 6 - bw >= row.x ? reader_x - 6 - bw
               : std::clamp((xa + xb - bw) * 0.5f, row.x, row.z - bw);
            bb = ba + bw;
        }
    }
    for (size_t i = 0; i < topics.size(); ++i) {
        const TopicRow& t = topics[i];
        float xa = std::max(spans[i].x, row.x), xb = std::min(spans[i].y, row.z);
        if (bb > ba && int(i) == current) continue;  // drawn in its box below
        if (bb > ba && xa < bb && xb > ba) {         // the box covers part of it: label the rest
            if (xa >= ba) xa = bb;
            else xb = ba;
        }
        if (xb - xa < 8) continue;
        std::string s = t.label;
        if (ImGui::CalcTextSize(s.c_str()).x + 8 >= xb - xa) {
            s = cut_to_width(t.label, xb - xa - 8, kMinLabelChars);
            if (s.empty()) continue;  // no readable start fits: the tooltip names it
        }
        dl->AddText(ImVec2(xa + 4, y), label_ink(fills[i]), s.c_str());
        record(s, t, xa + 4, int(i) == current);
    }
    if (bb > ba) {
        const TopicRow& t = topics[size_t(current)];
        const ImU32 c = t.color | 0xFF000000;  // opaque: the neighbours' labels do not show through
        const ImU32 label_col = label_ink(c);
        dl->AddRectFilled(ImVec2(ba, y - 2), ImVec2(bb, y + fs + 1), c, 3.f);
        dl->AddRect(ImVec2(ba, y - 2), ImVec2(bb, y + fs + 1), (label_col & 0x00FFFFFF) | 0x60000000, 3.f);
        std::string s = t.label;  // cut only when wider than the strip (bb - ba, in floats, can be a hair under its width)
        if (ImGui::CalcTextSize(s.c_str()).x + 8 > row.z - row.x) s = cut_to_width(t.label, bb - ba - 8, 1);
        dl->AddText(ImVec2(ba + 4, y), label_col, s.c_str());
        record(s, t, ba + 4, true);
    }
}

std::string App::cut_to_width(const std::string& text, float max_width, size_t min_chars) {
    static const char* kEllipsis = "\xE2\x80\xA6";
    auto chars = [](const std::string& s) {
        size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    };
    std::string s = text;
    while (!s.empty() && ImGui::CalcTextSize((s + kEllipsis).c_str()).x > max_width) {
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // a whole character:
        if (!s.empty()) s.pop_back();                                                               // its lead byte last
    }
    // a label's keywords are joined by " · ": cut after the last whole one ("singular ai…", not
    // "singular ai · ab te…"); a whole keyword is readable however short ("harm…")
    const size_t sep = s.size() < text.size() ? s.rfind(" \xC2\xB7") : std::string::npos;  // " ·" or " · "
    if (sep != std::string::npos && sep > 0) return s.substr(0, sep) + kEllipsis;
    while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();  // "jiu jitsu…", not "jiu jitsu, …"
    if (chars(s) < min_chars) return {};
    return s + kEllipsis;
}

void App::draw_timeline(float height) {
    if (m_model.episode() >= m_model.episode_count()) return;
    const Episode& ep = m_model.current_episode();
    float dur = float(std::max<uint32_t>(1, ep.meta.duration_ms));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float fs = ImGui::GetFontSize();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    // a click seeks on release; a press that moved more than kClickSlop px was a pan, not a click
    constexpr float kClickSlop = 4.f;
    const bool released_over = ImGui::InvisibleButton("timeline", ImVec2(w, height));
    keyboard_part(Part::Timeline);  // ←/→: previous / next topic (handle_part_keys)
    m_timeline_rect[0] = p0.x; m_timeline_rect[1] = p0.y; m_timeline_rect[2] = w; m_timeline_rect[3] = height;
    bool hovered = ImGui::IsItemHovered();
    bool active = ImGui::IsItemActive();
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 p1(p0.x + w, p0.y + height);

    // zoom (wheel) and pan (drag with the mouse moved)
    float span = m_tl_end - m_tl_begin;
    if (hovered && io.MouseWheel != 0) {
        float f = (io.MousePos.x - p0.x) / w;
        float at = m_tl_begin + f * span;
        float ns = std::clamp(span * std::pow(0.8f, io.MouseWheel), 0.02f, 1.f);
        m_tl_begin = std::clamp(at - f * ns, 0.f, 1.f - ns);
        m_tl_end = m_tl_begin + ns;
        span = ns;
    }
    if (active && ImGui::IsMouseDragging(0, kClickSlop) && span < 1.f) {
        float d = -io.MouseDelta.x / w * span;
        m_tl_begin = std::clamp(m_tl_begin + d, 0.f, 1.f - span);
        m_tl_end = m_tl_begin + span;
    }
    auto x_of = [&](float ms) { return p0.x + (ms / dur - m_tl_begin) / span * w; };
    auto ms_of = [&](float x) { return std::clamp((m_tl_begin + (x - p0.x) / w * span) * dur, 0.f, dur); };

    dl->PushClipRect(p0, p1, true);
    dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg), 4.f);
    bool has_chapters = !ep.meta.chapters.empty();
    float axis_y = p1.y - fs * 1.05f;
    float density_h = std::round(fs * 0.7f);  // a lane of its own between the rows and the axis
    float rows_h = axis_y - p0.y - density_h - 2;
    float row_h = has_chapters ? rows_h * 0.5f : rows_h;

    // topic row
    const auto& topics = m_model.topics();
    int hover_topic = -1;
    int current = -1;  // the segment at the reader's position
    std::vector<ImVec2> spans;  // each segment's x range (x: left, y: right)
    std::vector<uint32_t> fills;  // and its fill as drawn
    for (size_t i = 0; i < topics.size(); ++i) {
        const TopicRow& t = topics[i];
        if (t.start_ms <= m_model.time_ms()) current = int(i);
        float xa = x_of(float(t.start_ms)), xb = x_of(float(t.end_ms));
        spans.push_back(ImVec2(xa, xb));
        ImU32 c = t.color;
        if ((m_model.highlighted_group() >= 0 && int(t.group) != m_model.highlighted_group()) ||
            (m_model.chosen_recurring() >= 0 && t.recurring != m_model.chosen_recurring()))  // Episodes tab's choice
            c = (c & 0x00FFFFFF) | 0x50000000;
        fills.push_back(c);
        if (xb < p0.x || xa > p1.x) continue;
        dl->AddRectFilled(ImVec2(xa + 1, p0.y + 2), ImVec2(xb - 1, p0.y + row_h), c, 3.f);
        if (hovered && io.MousePos.x >= xa && io.MousePos.x < xb && io.MousePos.y < p0.y + row_h) hover_topic = int(i);
    }
    draw_topic_labels(spans, fills, current, x_of(float(m_model.time_ms())), ImVec4(p0.x, p0.y, p1.x, p0.y + row_h));
    if (topics.empty()) {
        const char* msg = "Topics appear here once computed";
        dl->AddText(ImVec2(p0.x + 8, p0.y + (row_h - fs) * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled), msg);
    }
    // creator chapters row
    int hover_chapter = -1;
    if (has_chapters) {
        const auto& ch = ep.meta.chapters;
        for (size_t i = 0; i < ch.size(); ++i) {
            float xa = x_of(float(ch[i].start_ms));
            float xb = x_of(i + 1 < ch.size() ? float(ch[i + 1].start_ms) : dur);
            float y0 = p0.y + row_h + 2, y1 = p0.y + 2 * row_h;
            dl->AddRectFilled(ImVec2(xa + 1, y0), ImVec2(xb - 1, y1), ImGui::GetColorU32(ImGuiCol_Button), 3.f);
            // a title wider than its chapter is cut with "…" (the hover shows it whole), not left out;
            // with no room for two letters and the "…", none (a lone "C" reads as a title).
            // Not cut_to_width: topic labels need its cut after a whole " · " keyword and the cut text
            // (topicLabels), while up to 60 long prose titles a frame would pay its re-measure per letter.
            const float right = std::min(xb, p1.x) - 4, left = std::max(xa, p0.x) + 4;
            const ImVec2 tsz = ImGui::CalcTextSize(ch[i].title.c_str());
            if (right - left >= std::min(tsz.x, ImGui::CalcTextSize("Ab\xE2\x80\xA6").x)) {
                const ImVec2 ta(left, y0 + (y1 - y0 - fs) * 0.5f);
                ImGui::RenderTextEllipsis(dl, ta, ImVec2(right, y1), right, right, ch[i].title.c_str(), nullptr, &tsz);
                m_chapter_labels.push_back(TextRect{ch[i].title, {ta.x, ta.y, std::min(tsz.x, right - ta.x), tsz.y}});
            }
            if (hovered && io.MousePos.x >= xa && io.MousePos.x < xb && io.MousePos.y >= y0 && io.MousePos.y < y1) hover_chapter = int(i);
        }
    }
    // hit density: bars rising from the axis
    uint32_t bins = uint32_t(std::clamp(w / 4.f / span, 16.f, 2000.f));
    std::vector<uint32_t> dens = m_model.hit_density(bins);
    uint32_t mx = dens.empty() ? 0 : *std::max_element(dens.begin(), dens.end());
    if (mx > 0) {
        ImU32 hc = m_dark ? IM_COL32(255, 200, 60, 255) : IM_COL32(200, 60, 20, 255);
        for (uint32_t b = 0; b < bins; ++b) {
            if (!dens[b]) continue;
            float xa = x_of(float(b) * dur / float(bins)), xb = x_of(float(b + 1) * dur / float(bins));
            float hgt = std::max(2.f, density_h * std::sqrt(float(dens[b]) / float(mx)));
            dl->AddRectFilled(ImVec2(xa, axis_y - hgt), ImVec2(std::max(xb - 1, xa + 2), axis_y), hc);
        }
    }
    // time axis ticks
    float tick_ms = 60000.f;
    const float steps[] = {10e3f, 30e3f, 60e3f, 120e3f, 300e3f, 600e3f, 900e3f, 1800e3f, 3600e3f};
    for (float s : steps) { tick_ms = s; if (s / dur / span * w > fs * 4.5f) break; }
    ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (float t = std::floor(m_tl_begin * dur / tick_ms) * tick_ms; t <= m_tl_end * dur; t += tick_ms) {
        float x = x_of(t);
        if (x < p0.x - 1) continue;
        dl->AddLine(ImVec2(x, axis_y), ImVec2(x, axis_y + 3), dim);
        std::string lbl = (ep.meta.times_estimated ? "\xE2\x89\x88" : "") + format_time(uint32_t(t));
        const float lfs = m_fonts.small ? m_fonts.small->FontSize * io.FontGlobalScale : fs;
        const ImVec2 lsz = (m_fonts.small ? m_fonts.small : ImGui::GetFont())->CalcTextSizeA(lfs, FLT_MAX, 0.f, lbl.c_str());
        if (x + 2 + lsz.x > p1.x) continue;  // near the strip's end: the tick without a label, not one cut to "1:2"
        dl->AddText(m_fonts.small, lfs, ImVec2(x + 2, axis_y + 1), dim, lbl.c_str());
        m_axis_labels.push_back(TextRect{lbl, {x + 2, axis_y + 1, lsz.x, lsz.y}});
    }
    // reader position
    float xr = x_of(float(m_model.time_ms()));
    ImU32 mc = m_dark ? IM_COL32(120, 190, 255, 255) : IM_COL32(20, 90, 200, 255);
    dl->AddLine(ImVec2(xr, p0.y), ImVec2(xr, axis_y), mc, 2.5f);
    dl->AddTriangleFilled(ImVec2(xr - 5, p0.y), ImVec2(xr + 5, p0.y), ImVec2(xr, p0.y + 6), mc);
    if (hovered) dl->AddLine(ImVec2(io.MousePos.x, p0.y), ImVec2(io.MousePos.x, axis_y), dim);
    dl->PopClipRect();

    // hover tooltip
    if (hovered) {
        float t = ms_of(io.MousePos.x);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(tooltip_wrap_width(24));  // inside the screen, also on a phone
        if (hover_topic >= 0) {
            const TopicRow& tr = topics[size_t(hover_topic)];
            ImGui::TextWrapped("%s", tr.label.c_str());
            std::string kw;
            for (const auto& k : tr.keywords) kw += (kw.empty() ? "" : ", ") + k;
            if (!kw.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", kw.c_str());
                ImGui::PopStyleColor();
            }
            // archives: say what the colour means (recurring across episodes, or this episode only)
            if (tr.recurring >= 0 && size_t(tr.recurring) < m_model.recurring_topics().size()) {
                const RecurringTopicRow& rt = m_model.recurring_topics()[size_t(tr.recurring)];
                ImGui::TextWrapped("Recurring topic: %s \xC2\xB7 in %u episodes", rt.label.c_str(), uint32_t(rt.episodes.size()));
            } else if (m_model.recurring_known()) {
                ImGui::TextDisabled("Only in this episode (grey: not a recurring topic)");
            } else if (m_model.recurring_pending()) {
                ImGui::TextDisabled("Recurring topics across episodes: still being found");
            }
            ImGui::TextDisabled("%s \xE2\x80\x93 %s", format_time(tr.start_ms).c_str(), format_time(tr.end_ms).c_str());
            ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", first_words(ep, tr.start_word, 14).c_str());
        } else if (hover_chapter >= 0) {  // a click reads from the chapter's start
            const Chapter& c = ep.meta.chapters[size_t(hover_chapter)];
            ImGui::TextWrapped("Chapter: %s", c.title.c_str());
            t = float(c.start_ms);
        }
        ImGui::TextDisabled("%s%s  \xC2\xB7  click to read from %s", ep.meta.times_estimated ? "\xE2\x89\x88" : "", format_time(uint32_t(t)).c_str(),
                            hover_chapter >= 0 ? "the chapter's start" : "here");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (released_over && io.MouseDragMaxDistanceSqr[0] <= kClickSlop * kClickSlop)  // a chapter: from its start
        m_model.seek(m_model.episode(), hover_chapter >= 0 ? ep.meta.chapters[size_t(hover_chapter)].start_ms : uint32_t(ms_of(io.MousePos.x)));
}

}  // namespace tx
