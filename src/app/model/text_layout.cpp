#include "app/model/text_layout.h"

#include <algorithm>
#include <cfloat>

#include "core/topics/topics.h"

namespace tx {

std::vector<Paragraph> make_paragraphs(const Episode& ep, const std::vector<uint32_t>& forced_breaks,
                                       uint32_t min_words, uint32_t max_words) {
    std::vector<Paragraph> out;
    const uint32_t n = uint32_t(ep.words.size());
    if (n == 0) return out;
    std::vector<uint8_t> cue_start(n, 0);
    for (const Cue& c : ep.cues)
        if (c.first_word < n) cue_start[c.first_word] = 1;
    std::vector<uint8_t> forced(n, 0);
    for (uint32_t b : forced_breaks)
        if (b < n) forced[b] = 1;
    // Cue boundaries inside a sentence (Whisper splits long sentences, YouTube's captions every
    // few seconds) make poor paragraph breaks: a cue start counts once a paragraph has min_words
    // only when a sentence starts there, and any cue start from 2 x min_words. Plain-text cues
    // already end at sentences (import_plain).
    std::vector<uint8_t> sentence(n, 0);
    if (ep.meta.times_estimated) {
        sentence = cue_start;
    } else {
        for (uint32_t s : sentence_starts(ep))
            if (s < n) sentence[s] = 1;
    }
    Paragraph cur;
    cur.first_word = 0;
    cur.start_ms = ep.words[0].start_ms;
    for (uint32_t i = 1; i < n; ++i) {
        uint32_t len = i - cur.first_word;
        bool speaker_change = ep.words[i].speaker != ep.words[i - 1].speaker;
        bool brk = forced[i] || speaker_change || len >= max_words ||
                   (cue_start[i] && len >= min_words && (sentence[i] || len >= 2 * min_words));
        if (brk) {
            cur.word_count = len;
            out.push_back(cur);
            cur.first_word = i;
            cur.start_ms = ep.words[i].start_ms;
        }
    }
    cur.word_count = n - cur.first_word;
    out.push_back(cur);
    return out;
}

TextLayout begin_layout(const Episode& ep, const std::vector<Paragraph>& paras, float width, float space,
                        float line_height, float paragraph_gap, std::vector<float> speaker_gutter) {
    TextLayout L;
    L.speaker_gutter = std::move(speaker_gutter);
    L.width = width;
    L.space = space;
    L.line_height = line_height;
    L.paragraph_gap = paragraph_gap;
    L.paragraph_count = paras.size();
    L.word_x.assign(ep.words.size(), 0.f);
    L.word_line.assign(ep.words.size(), 0);
    L.total_height = float(ep.words.size()) * line_height / 8.f;  // nothing laid out: a guess
    if (paras.empty()) L.total_height = 0;
    return L;
}

void extend_layout(TextLayout& L, const Episode& ep, const std::vector<Paragraph>& paras, const MeasureFn& measure,
                   float until_y, uint32_t until_word) {
    const size_t n = std::min(L.paragraph_count, paras.size());
    while (L.paragraphs.size() < n) {
        const Paragraph& p = paras[L.paragraphs.size()];
        if (L.laid_height > until_y && p.first_word > until_word) break;
        LayoutParagraph lp;
        lp.first_line = uint32_t(L.lines.size());
        lp.y = L.laid_height;
        LayoutLine line;
        line.first_word = p.first_word;
        float x = 0;
        for (uint32_t k = 0; k < p.word_count; ++k) {
            uint32_t w = p.first_word + k;
            const auto [db, de] = word_display_span(ep, w);
            float adv = measure(std::string_view(ep.text).substr(db, de - db));
            if (line.word_count > 0 && x + adv > L.width) {  // wrap; a word wider than the line sits alone
                L.lines.push_back(line);
                line.first_word = w;
                line.word_count = 0;
                x = 0;
            }
            L.word_x[w] = x;
            L.word_line[w] = uint32_t(L.lines.size());
            x += adv + L.space;
            ++line.word_count;
        }
        if (line.word_count > 0) L.lines.push_back(line);
        lp.line_count = uint32_t(L.lines.size()) - lp.first_line;
        const int16_t spk = ep.words[p.first_word].speaker;
        const float gutter = spk >= 0 && size_t(spk) < L.speaker_gutter.size() ? L.speaker_gutter[size_t(spk)] : 0.f;
        lp.height = std::max(float(lp.line_count) * L.line_height, gutter);
        L.laid_height += lp.height + L.paragraph_gap;
        L.laid_words += p.word_count;
        L.paragraphs.push_back(lp);
    }
    const uint32_t rest = uint32_t(ep.words.size()) - std::min<uint32_t>(L.laid_words, uint32_t(ep.words.size()));
    L.total_height = L.laid_height;
    if (!L.complete() && L.laid_words > 0) L.total_height += float(rest) * L.laid_height / float(L.laid_words);
}

TextLayout layout_paragraphs(const Episode& ep, const std::vector<Paragraph>& paras, float width,
                             const MeasureFn& measure, float space, float line_height, float paragraph_gap,
                             std::vector<float> speaker_gutter) {
    TextLayout L = begin_layout(ep, paras, width, space, line_height, paragraph_gap, std::move(speaker_gutter));
    extend_layout(L, ep, paras, measure, FLT_MAX);
    return L;
}

std::vector<std::string> gutter_rows(std::string_view label, float width, const MeasureFn& measure, size_t max_rows) {
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    // s cut to fit with "…": whole UTF-8 characters off its end, at least one kept
    auto cut = [&](std::string_view s) {
        std::string r(s);
        while (r.size() > 1 && measure(r + std::string(kEllipsis)) > width) {
            size_t e = r.size() - 1;
            while (e > 0 && (static_cast<unsigned char>(r[e]) & 0xC0) == 0x80) --e;  // back to the lead byte
            if (e == 0) break;
            r.resize(e);
            while (r.size() > 1 && r.back() == ' ') r.pop_back();
        }
        return r + std::string(kEllipsis);
    };
    std::vector<std::string> rows;
    const std::vector<std::string_view> words = label_words(label);
    if (max_rows == 0) return rows;
    for (size_t k = 0; k < words.size();) {
        std::string row(words[k++]);
        while (k < words.size() && measure(row + ' ' + std::string(words[k])) <= width) row += ' ' + std::string(words[k++]);
        const bool last = rows.size() + 1 == max_rows;
        if (last && k < words.size()) {  // no row left for the rest: on in this one, cut
            for (; k < words.size(); ++k) row += ' ' + std::string(words[k]);
            rows.push_back(cut(row));
            break;
        }
        rows.push_back(measure(row) > width ? cut(row) : row);
        if (last) break;
    }
    return rows;
}

std::vector<std::string_view> label_words(std::string_view label) {
    std::vector<std::string_view> words;
    for (size_t i = 0; i < label.size();) {
        while (i < label.size() && label[i] == ' ') ++i;
        const size_t b = i;
        while (i < label.size() && label[i] != ' ') ++i;
        if (i > b) words.push_back(label.substr(b, i - b));
    }
    return words;
}

size_t paragraph_of_word(const std::vector<Paragraph>& paras, uint32_t w) {
    auto it = std::upper_bound(paras.begin(), paras.end(), w,
                               [](uint32_t v, const Paragraph& p) { return v < p.first_word; });
    return it == paras.begin() ? 0 : size_t(it - paras.begin() - 1);
}

void word_marks(const Episode& ep, uint32_t w, const std::vector<TextSpan>& spans, std::vector<WordMark>& out) {
    if (w >= ep.words.size()) return;
    const Word& wd = ep.words[w];
    const auto [db, de] = word_display_span(ep, w);
    const uint32_t next = w + 1 < ep.words.size() ? ep.words[w + 1].begin : UINT32_MAX;
    auto it = std::upper_bound(spans.begin(), spans.end(), wd.begin, [](uint32_t b, const TextSpan& s) { return b < s.end; });
    for (; it != spans.end() && it->begin < std::max(wd.end, wd.begin + 1); ++it) {
        WordMark m;
        m.begin = it->begin < wd.begin ? db : it->begin;  // begun in an earlier word: from the shown start
        m.to_next = it->end > next;
        m.end = m.to_next ? de : std::min(it->end, wd.end);
        if (m.end > m.begin) out.push_back(m);
    }
}

}  // namespace tx
