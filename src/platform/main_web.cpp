// main_web.cpp: the browser entry point. SDL2 + WebGL2 + Dear ImGui, the main loop, and the
// extern "C" tx_* functions that web/explorer-loader.js calls. Platform code lives only here.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: scroll state for tx_wheel_would_scroll
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <EGL/egl.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "app/model/announce.h"
#include "app/model/search_status.h"
#include "core/bundle.h"
#include "core/import.h"
#include "core/text.h"

extern "C" const unsigned char tx_ui_font[];
extern "C" const size_t tx_ui_font_size;

// GL entry points by name: none. SDL's Emscripten driver answers SDL_GL_GetProcAddress with
// eglGetProcAddress, and Emscripten's (libGL) looks the name up in emscripten_GetProcAddress, a
// table of every WebGL 1 and 2 entry point: linking it put ~270 emscripten_gl* functions into the
// wasm's imports and the JS glue (~44 KB of JS before minification). The page never looks GL up by
// name: ImGui's OpenGL3 backend (IMGUI_IMPL_OPENGL_ES3) and this file call GL directly. This
// definition takes the place of libGL's, so the table is not linked; SDL then sees no GL
// extensions (SDL_GL_ExtensionSupported), which nothing here asks about.
extern "C" __eglMustCastToProperFunctionPointerType eglGetProcAddress(const char*) { return nullptr; }

namespace {

constexpr float kBodyPx = 17.f;  // CSS pixels at font scale 1
constexpr float kSmallPx = 13.5f;
constexpr float kLargePx = 22.f;
constexpr double kStepBudgetMs = 8.0;       // archive indexing in a drawn frame (drawing takes the rest)
constexpr double kStepBudgetIdleMs = 25.0;  // in a frame that is not drawn (loading, no input): a
                                            // slice may overrun by one piece (an episode, or a
                                            // preempted process) and stay under 50 ms
constexpr size_t kFlickMoves = 4;         // a lifted finger's speed: over its last 4 moves
constexpr double kFlickRestMs = 50.0;     // a finger still this long before it lifts does not flick
constexpr double kFlickMinSpeed = 0.3;    // px/ms below which a lifted finger does not coast
constexpr double kCoastTauMs = 325.0;     // a coast's speed falls by 1/e every 325 ms
constexpr double kLoadingRedrawMs = 200.0;  // progress redraw interval while loading without input
constexpr double kFirstDrawGraceMs = 250.0;  // no progress screen this soon after main() (see frame())

void js_copy(const std::string& text) {
    EM_ASM({ if (Module.onExplorerCopy) Module.onExplorerCopy(UTF8ToString($0)); }, text.c_str());
}
void js_open(const std::string& url) {
    EM_ASM({ if (Module.onExplorerOpen) Module.onExplorerOpen(UTF8ToString($0)); }, url.c_str());
}
// Glyph sets of the atlas. kAllGlyphs: the ranges every full atlas holds (Latin-1, Latin
// Extended-A, punctuation, arrows, math signs, triangles, the missing-glyph box U+25A1); the
// embedded font subset also has Latin Extended-B, Greek, Cyrillic, Latin Extended Additional and
// Vietnamese's combining marks, which go into the atlas only as far as the loaded text uses them
// (ContentGlyphs). kUiGlyphs: ASCII plus the non-ASCII symbols in the strings of src/app and
// src/core that are drawn (middle dot, multiplication sign, dashes, quotes, ellipsis, minus,
// almost-equal): 108 glyphs.
const ImWchar kAllGlyphs[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x203A, 0x2190, 0x2193,
                              0x2212, 0x2212, 0x2248, 0x2248, 0x25A1, 0x25A1, 0x25B2, 0x25BC, 0};
const ImWchar kUiGlyphs[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x00D7, 0x00D7, 0x2013, 0x2014, 0x2018, 0x201D,
                             0x2026, 0x2026, 0x2212, 0x2212, 0x2248, 0x2248, 0};
constexpr ImWchar kMissingGlyph = 0x25A1;  // WHITE SQUARE: drawn for a character the atlas lacks (emoji, Arabic; CJK no font has)

bool in_ranges(const ImWchar* r, uint32_t cp) {
    for (; r[0]; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

// What a string visit_drawn_strings passes is.
enum class Drawn {
    Meta,     // the query; an episode's title, date, speaker name or chapter title
    Text,     // the full text of episode `index` (empty when an archive released it)
    Current,  // the text of the episode the reader shows (an archive's, decoded on demand)
    Derived,  // made from the texts: result snippets, topic labels and keywords, recurring topic
              // and topic group labels (a label's keywords joined by the UI's middle dots)
};

// Calls f(Drawn kind, uint32_t index, std::string_view s) for every string of the model the
// explorer may draw, until f returns false. The one list both content_is_ascii() and
// ContentGlyphs::scan read, so the atlas' choice and its content glyphs cannot drift apart.
// @return false when f stopped the walk.
template <class F>
bool visit_drawn_strings(const tx::AppModel& m, F&& f) {
    if (!f(Drawn::Meta, 0u, m.query())) return false;
    const auto& eps = m.episodes();
    for (uint32_t i = 0; i < eps.size(); ++i)
        if (!f(Drawn::Text, i, eps[i].text)) return false;
    for (uint32_t i = 0; i < m.episode_count(); ++i) {
        const tx::EpisodeMeta& meta = m.episode_meta(i);
        if (!f(Drawn::Meta, i, meta.title) || !f(Drawn::Meta, i, meta.date)) return false;
        for (const std::string& sp : meta.speakers)
            if (!f(Drawn::Meta, i, sp)) return false;
        for (const tx::Chapter& c : meta.chapters)
            if (!f(Drawn::Meta, i, c.title)) return false;
    }
    if (m.episode_count() > 0 && !f(Drawn::Current, m.episode(), m.current_episode().text)) return false;
    for (const tx::ResultRow& r : m.results())
        if (!f(Drawn::Derived, 0u, r.snippet)) return false;
    for (const tx::TopicRow& t : m.topics()) {
        if (!f(Drawn::Derived, 0u, t.label)) return false;
        for (const std::string& k : t.keywords)
            if (!f(Drawn::Derived, 0u, k)) return false;
    }
    for (const tx::RecurringTopicRow& t : m.recurring_topics())
        if (!f(Drawn::Derived, 0u, t.label)) return false;
    for (const tx::TopicGroupRow& t : m.topic_groups())
        if (!f(Drawn::Derived, 0u, t.label)) return false;
    return true;
}

// The characters the explorer may draw (visit_drawn_strings): every distinct code point of the
// query, the episodes' text and metadata, the current episode (an archive's, decoded on demand),
// the result rows and the topic labels. An episode's text is scanned once (remembered by its
// buffer and size); the rest, small, once per model revision. `extra` lists, in order found,
// those outside kAllGlyphs: the full atlas adds them to its ranges (see build_fonts).
struct ContentGlyphs {
    std::vector<uint8_t> seen = std::vector<uint8_t>(0x10000);  // by BMP code point: 1 = in the text
    std::vector<ImWchar> chars;  // the non-ASCII ones of `seen`, in order found
    std::vector<ImWchar> extra;  // those of `chars` outside kAllGlyphs
    std::vector<std::pair<const char*, size_t>> scanned;  // per episode: the text buffer scanned
    std::pair<const char*, size_t> current{nullptr, 0};    // the current episode's, likewise
    std::vector<uint32_t> beyond_bmp;  // distinct characters past U+FFFF (emoji): never in the atlas
    uint64_t scanned_rev = 0;          // the model revision scan() last read (revisions start at 1)

    void add(std::string_view s) {
        for (size_t i = 0; i < s.size();) {
            const unsigned char b = static_cast<unsigned char>(s[i]);
            if (b < 0x80) { ++i; continue; }  // ASCII: always in the atlas
            const uint32_t cp = tx::utf8_next(s, i);
            if (cp > 0xFFFF) {
                if (std::find(beyond_bmp.begin(), beyond_bmp.end(), cp) == beyond_bmp.end()) beyond_bmp.push_back(cp);
                continue;
            }
            if (seen[cp]) continue;
            seen[cp] = 1;
            chars.push_back(ImWchar(cp));
            if (!in_ranges(kAllGlyphs, cp)) extra.push_back(ImWchar(cp));
        }
    }
    void add_text(std::pair<const char*, size_t>& done, std::string_view text) {
        const std::pair<const char*, size_t> now{text.data(), text.size()};
        if (now == done) return;
        add(text);
        done = now;
    }
    // Records the episodes' texts as scanned without reading them: content_is_ascii() just found
    // them ASCII (the demo's full atlas then skips re-reading its 150 KB, ~1 ms in WASM).
    void mark_ascii(const tx::AppModel& m) {
        const auto& eps = m.episodes();
        scanned.resize(eps.size());
        for (uint32_t i = 0; i < eps.size(); ++i) scanned[i] = {eps[i].text.data(), eps[i].text.size()};
    }
    // Adds the characters of the model's drawn strings; nothing new to read in the revision it
    // last read (frame() scans each revision, and the page's state() asks again).
    void scan(const tx::AppModel& m) {
        if (m.revision() == scanned_rev) return;
        scanned_rev = m.revision();
        scanned.resize(m.episodes().size());
        visit_drawn_strings(m, [this](Drawn kind, uint32_t i, std::string_view s) {
            if (kind == Drawn::Text) add_text(scanned[i], s);
            else if (kind == Drawn::Current) add_text(current, s);
            else add(s);
            return true;
        });
    }
    // Distinct characters of the text the atlas cannot draw (drawn as kMissingGlyph instead).
    uint32_t missing(const ImFont* font) const {
        uint32_t n = uint32_t(beyond_bmp.size());
        for (ImWchar c : chars)
            if (!font->FindGlyphNoFallback(c)) ++n;
        return n;
    }
};

// ---- CJK glyphs from the browser's fonts ----
// Inter has no Chinese, Japanese or Korean, and no CJK font fits the page's byte budget, so the
// full atlas takes those characters of the loaded text (ContentGlyphs::chars in kBrowserGlyphs)
// from the browser: js_raster_glyphs draws them with canvas 2D fillText in the system's fonts, and
// build_fonts puts them into the atlas as custom glyphs (AddCustomRectFontGlyph), one per size the
// atlas holds, at its devicePixelRatio. A character no installed font has stays kMissingGlyph, as
// do those beyond kMaxBrowserGlyphs or kBrowserGlyphArea. Right-to-left scripts, Indic and Thai
// need shaping, which one glyph per code point cannot give: they stay boxes too.

// Han (and its radicals, strokes, compatibility forms), kana, Hangul and its jamo, bopomofo, CJK
// punctuation and enclosed / squared forms, and the half- and full-width forms: none of them is in
// the UI font's subset (CMakeLists.txt), so the two sources never hold the same code point.
const ImWchar kBrowserGlyphs[] = {0x1100, 0x11FF, 0x2E80, 0x2FDF, 0x3000, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF,
                                  0xA960, 0xA97F, 0xAC00, 0xD7FF, 0xF900, 0xFAFF, 0xFE30, 0xFE4F, 0xFF00, 0xFFEF, 0};
constexpr size_t kMaxBrowserGlyphs = 3000;  // distinct characters; a Chinese text of a few hours uses ~2,500
// Atlas pixels the browser's glyphs may take over all sizes (~3,000 characters at devicePixelRatio
// 2): the atlas texture then stays within 4096 x 4096, which every WebGL2 device can hold.
constexpr double kBrowserGlyphArea = 8.0e6;
constexpr ImWchar kNoFontProbe = 0x0378;  // unassigned: what the browser draws for a character no font has

// Draws the UTF-16 code units cps[0..n) white on transparent into one canvas, once per size band
// (in the CJK fonts of Linux, macOS and Windows by name: a character the named fonts lack costs the
// browser a search through all the system's fonts, ~0.25 ms each on Linux, against ~0.04 ms drawn
// from a named font)
// b < nb (bands[4b..4b+4): font px, cell width, cell height, baseline y in the cell; pen at x = 1),
// reads it back with one getImageData, and writes each glyph's cell of alpha to `alpha` (band by
// band, glyph by glyph, rows of cell width) and its advance (measureText) to adv[b * n + i].
// @return 1, or 0 when the page has no 2D canvas or the browser refused one this large (alpha and
// adv are then untouched or partly written).
// `lang` orders the fonts: 0 Chinese first, 1 Japanese, 2 Korean (CjkLang): Han characters take
// the forms of the first font that has them, and a Chinese font's differ from a Japanese one's.
EM_JS(int, js_raster_glyphs, (const ImWchar* cps, int n, const float* bands, int nb, uint8_t* alpha, float* adv, int lang), {
  try {
  var fonts = ["'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Yu Gothic', 'Malgun Gothic', 'Apple SD Gothic Neo'",
               "'Noto Sans CJK JP', 'Source Han Sans JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', 'PingFang SC', 'Microsoft YaHei', 'Malgun Gothic', 'Apple SD Gothic Neo'",
               "'Noto Sans CJK KR', 'Source Han Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Yu Gothic'"][lang];
  var W = 2048, tops = [], H = 0, b, i;
  var band = function(b) { return HEAPF32.subarray((bands >> 2) + 4 * b, (bands >> 2) + 4 * b + 4); };
  for (b = 0; b < nb; ++b) { tops.push(H); H += Math.ceil(n / Math.floor(W / band(b)[1])) * band(b)[2]; }
  var c = document.createElement('canvas');
  c.width = W; c.height = H;
  var x = H > 0 && c.getContext('2d', { willReadFrequently: true });
  if (!x) return 0;
  x.fillStyle = '#fff';
  for (b = 0; b < nb; ++b) {
    var f = band(b), cols = Math.floor(W / f[1]);
    x.font = f[0] + "px " + fonts + ", 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";
    for (i = 0; i < n; ++i) {
      var s = String.fromCharCode(HEAPU16[(cps >> 1) + i]);
      x.fillText(s, (i % cols) * f[1] + 1, tops[b] + Math.floor(i / cols) * f[2] + f[3]);
      HEAPF32[(adv >> 2) + b * n + i] = x.measureText(s).width;
    }
  }
  var d = x.getImageData(0, 0, W, H).data, o = alpha;
  for (b = 0; b < nb; ++b) {
    var g = band(b), k = Math.floor(W / g[1]);
    for (i = 0; i < n; ++i)
      for (var y = 0; y < g[2]; ++y) {
        var p = ((tops[b] + Math.floor(i / k) * g[2] + y) * W + (i % k) * g[1]) * 4 + 3;
        for (var e = 0; e < g[1]; ++e, p += 4) HEAPU8[o++] = d[p];
      }
  }
  return 1;
  } catch (err) { return 0; }  // out of memory for the canvas or its pixels: the characters stay boxes
});

// The UI font's em as a fraction of ImGui's font size (stb_truetype scales ascent - descent of
// 'hhea' to it): the browser's glyphs are drawn at that em, as large as the Latin around them.
// @return 0.8 when the font's tables cannot be read.
float ui_font_em() {
    const unsigned char* f = tx_ui_font;
    const size_t n = tx_ui_font_size;
    auto u16 = [&](size_t o) { return o + 2 <= n ? unsigned(f[o] << 8 | f[o + 1]) : 0u; };
    unsigned upem = 0;
    int asc = 0, desc = 0;
    for (unsigned i = 0, tables = u16(4); i < tables && 12 + 16 * (i + 1) <= n; ++i) {
        const size_t r = 12 + 16 * i, off = size_t(u16(r + 8)) << 16 | u16(r + 10);
        if (std::memcmp(f + r, "head", 4) == 0) upem = u16(off + 18);
        if (std::memcmp(f + r, "hhea", 4) == 0) asc = int16_t(u16(off + 4)), desc = int16_t(u16(off + 6));
    }
    return upem && asc > desc ? float(upem) / float(asc - desc) : 0.8f;
}

// Which CJK fonts come first for the loaded text's characters (js_raster_glyphs' `lang`): Korean
// when its Hangul outnumbers its kana, else Japanese when it has kana, else Chinese.
enum class CjkLang : uint8_t { Chinese, Japanese, Korean };
CjkLang cjk_lang(const std::vector<ImWchar>& chars) {
    size_t kana = 0, hangul = 0;
    for (ImWchar c : chars) {
        kana += (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F);
        hangul += (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
    }
    return hangul > kana ? CjkLang::Korean : kana > 0 ? CjkLang::Japanese : CjkLang::Chinese;
}
const char* cjk_lang_name(CjkLang l) { return l == CjkLang::Japanese ? "ja" : l == CjkLang::Korean ? "ko" : "zh"; }

// The browser's glyphs, kept across atlas builds at one set of sizes (and CJK fonts): a rebuild for a new
// character of a typed query or a decoded episode draws only the characters not drawn yet (a
// Chinese text's 2,500 took 0.45 s at devicePixelRatio 1). Each glyph's ink is kept, cropped.
// update() before Build queues them for the atlas (custom glyphs), finish() after copies them in.
class BrowserGlyphs {
public:
    // Draw the characters of `chars` in kBrowserGlyphs that were not drawn yet at the font sizes
    // `px` (body, small, large; drawn again from scratch at other sizes), then queue every drawn
    // one as a custom glyph of `fonts` (same order). @return the characters queued in the first font.
    uint32_t update(ImFontAtlas* atlas, const std::vector<ImWchar>& chars, const float (&px)[3], ImFont* const (&fonts)[3]) {
        const CjkLang lang = cjk_lang(chars);
        if (std::memcmp(px, m_px, sizeof m_px) != 0 || lang != m_lang) {  // all drawn again in the new fonts
            *this = BrowserGlyphs();
            std::memcpy(m_px, px, sizeof m_px);
            m_lang = lang;
        }
        m_new = 0;
        raster(chars);
        m_queued.clear();
        m_area = 0;
        uint32_t first = 0;
        for (uint32_t i = 0; i < m_ink.size(); ++i) {
            const Ink& k = m_ink[i];
            if (k.w == 0) continue;  // drawn blank or as the no-font glyph: stays kMissingGlyph
            // y from the baseline for now: finish() moves it down by the font's ascent
            const int rect = atlas->AddCustomRectFontGlyph(fonts[k.band], k.c, k.w, k.h, k.adv, ImVec2(k.x, k.y));
            m_queued.push_back({rect, fonts[k.band], i});
            m_area += double(k.w + 1) * double(k.h + 1);  // with ImGui's padding
            first += k.band == 0;
        }
        return first;
    }
    // @return the characters the last update() had the browser draw (the others were kept).
    uint32_t drawn_last() const { return m_new; }
    // @return whose CJK fonts come first in the glyphs drawn (cjk_lang of the last update()).
    CjkLang lang() const { return m_lang; }
    // The atlas texture's width for them: ImGui picks it from its own glyphs' area alone (512 for
    // the UI font), and thousands of CJK rects would then make it too tall for a GPU (8192+ rows).
    // @return 0 (ImGui's choice) when they need no wider one.
    int tex_width() const {
        const double side = std::sqrt(m_area * 1.25);  // with the UI font's glyphs and packing losses
        return side >= 2048 * 0.7 ? 4096 : side >= 1024 * 0.7 ? 2048 : side >= 512 * 0.7 ? 1024 : 0;
    }
    // After Build: copy each queued glyph's ink into its rect of the (alpha) texture and put it on
    // its font's baseline (ImGui's glyph y is from the top of the line).
    void finish(ImFontAtlas* atlas) const {
        unsigned char* tex = nullptr;
        int tw = 0, th = 0;
        atlas->GetTexDataAsAlpha8(&tex, &tw, &th);
        for (const Queued& q : m_queued) {
            const Ink& k = m_ink[q.ink];
            const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(q.rect);
            for (int y = 0; y < k.h; ++y)
                std::memcpy(tex + size_t(r->Y + y) * size_t(tw) + r->X, &m_pixels[k.at + size_t(y) * size_t(k.w)], size_t(k.w));
            if (auto* glyph = const_cast<ImFontGlyph*>(q.font->FindGlyphNoFallback(k.c))) {
                glyph->Y0 += IM_ROUND(q.font->Ascent);
                glyph->Y1 += IM_ROUND(q.font->Ascent);
            }
        }
    }

private:
    struct Band { float px, w, h, base; };  // as js_raster_glyphs reads them
    struct Ink {                            // one character at one size
        ImWchar c;
        uint8_t band;
        int w, h;        // the ink's box (0 wide: none)
        float x, y, adv; // its offset from the pen on the baseline; the advance
        size_t at;       // its rows in m_pixels
    };
    struct Queued { int rect; ImFont* font; uint32_t ink; };
    float m_px[3] = {};
    CjkLang m_lang = CjkLang::Chinese;
    std::vector<uint8_t> m_drawn = std::vector<uint8_t>(0x10000);  // by code point: 1 = in m_ink
    size_t m_chars = 0;                                             // characters drawn
    uint32_t m_new = 0;                                             // of them, by the last update()
    std::vector<Ink> m_ink;
    std::vector<uint8_t> m_pixels;
    std::vector<Queued> m_queued;
    double m_area = 0;

    void raster(const std::vector<ImWchar>& chars) {
        const float em = ui_font_em();
        Band bands[3];
        double area = 0;
        for (int b = 0; b < 3; ++b) {
            const float e = std::round(m_px[b] * em);
            bands[b] = {e, std::ceil(e * 1.1f) + 2, std::ceil(e * 1.4f) + 2, std::ceil(e * 1.1f) + 1};
            area += double(e) * e;
        }
        const size_t cap = std::min(kMaxBrowserGlyphs, size_t(kBrowserGlyphArea / std::max(area, 1.0)));
        std::vector<ImWchar> cps{kNoFontProbe};
        for (ImWchar c : chars)
            if (m_chars + cps.size() <= cap && !m_drawn[c] && in_ranges(kBrowserGlyphs, c)) cps.push_back(c);
        if (cps.size() == 1) return;
        const size_t n = cps.size();
        size_t cells = 0;
        for (const Band& b : bands) cells += size_t(b.w * b.h) * n;
        std::vector<uint8_t> alpha(cells);
        std::vector<float> adv(3 * n);
        if (js_raster_glyphs(cps.data(), int(n), &bands[0].px, 3, alpha.data(), adv.data(), int(m_lang)) != 1) return;
        size_t cell = 0;
        for (uint8_t b = 0; b < 3; ++b) {
            const size_t w = size_t(bands[b].w), h = size_t(bands[b].h);
            const uint8_t* probe = &alpha[cell];
            for (size_t i = 1; i < n; ++i) {
                const uint8_t* a = &alpha[cell + i * w * h];
                int x0 = int(w), y0 = int(h), x1 = -1, y1 = -1;
                for (size_t y = 0; y < h; ++y)
                    for (size_t x = 0; x < w; ++x)
                        if (a[y * w + x]) x0 = std::min(x0, int(x)), x1 = std::max(x1, int(x)), y0 = std::min(y0, int(y)), y1 = std::max(y1, int(y));
                Ink k{cps[i], b, 0, 0, 0.f, 0.f, 0.f, m_pixels.size()};
                if (x1 >= 0 && std::memcmp(a, probe, w * h) != 0) {
                    k.w = x1 - x0 + 1, k.h = y1 - y0 + 1;
                    k.x = float(x0 - 1), k.y = float(y0) - bands[b].base, k.adv = std::round(adv[b * n + i]);
                    for (int y = y0; y <= y1; ++y) m_pixels.insert(m_pixels.end(), a + size_t(y) * w + x0, a + size_t(y) * w + x1 + 1);
                }
                m_ink.push_back(k);
            }
            cell += w * h * n;
        }
        for (size_t i = 1; i < n; ++i) m_drawn[cps[i]] = 1;
        m_chars += n - 1;
        m_new = uint32_t(n - 1);
    }
};

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float font_dpr = 0.f, font_scale = 0.f;
    float window_dpr = 0.f;  // the devicePixelRatio the canvas' backing store was last sized for
    bool fonts_all_glyphs = false;
    uint64_t glyphs_checked_rev = ~uint64_t(0);  // model revision whose text content_is_ascii() checked
    double font_atlas_ms = 0;                   // duration of the last build_fonts()
    double browser_glyphs_ms = 0;               // the part of it drawing and reading the browser's glyphs
    uint32_t browser_glyphs = 0;                // characters the last atlas took from the browser (BrowserGlyphs)
    ContentGlyphs content_glyphs;               // the characters of the loaded text (full atlas only)
    BrowserGlyphs browser;                      // its CJK characters, drawn by the browser (full atlas only)
    ImVector<ImWchar> atlas_ranges;             // the full atlas' glyph ranges
    size_t atlas_extra = 0;                     // content_glyphs.extra entries in atlas_ranges
    ImVector<ImWchar> heading_ranges;           // the UI atlas' large size: heading_glyphs()
    bool style_dark = false, style_set = false;
    tx::AppFonts fonts;
    tx::AppKeys keys;
    tx::AppModel model;
    tx::App app{model, tx::AppHost{js_copy, js_open, std::string()}};
    std::string state;       // storage for tx_state_json's return value
    // what the page's live regions and text field were last told (publish_a11y)
    std::string a11y_status, a11y_focus;
    int a11y_field_keys = -1;
    uint32_t a11y_text_rev = 0;
    uint64_t drawn_rev = 0;  // model revision last drawn
    uint64_t notified_rev = 0;
    int frames_to_draw = 3;
    uint64_t frames = 0;     // frames actually rendered (the idle test reads it)
    // ImGui's active item at its last changes ("frame:id:window:source"): what keyboard.test reports
    // when a box lacks its caret
    ImGuiID last_active_id = 0;
    std::vector<std::string> active_log;
    double longest_frame_ms = 0;
    double first_ready_frame_ms = -1;  // performance.now() when the first frame with episodes was drawn
    double indexed_ms = -1;            // performance.now() when every episode was indexed
    double last_input_ms = -1e9, last_draw_ms = -1e9;
    double longest_load_frame_ms = 0;  // longest frame while an archive loads (the first frame excluded)
    // The same split by phase (indexing, then the background topics), each with the part of that
    // frame spent in AppModel::step (the rest is drawing), and the load frames over 50 ms.
    double longest_index_frame_ms = 0, longest_index_step_ms = 0;
    double longest_topics_frame_ms = 0, longest_topics_step_ms = 0;
    uint32_t slow_load_frames = 0;
    double load_call_ms = 0;           // duration of the last tx_load_bundle call (blocks the page)
    // Touch: after a finger lifts there is no pointer, but ImGui would keep the last touch point as
    // a hovering mouse (a tooltip stays up, and the next tap elsewhere is not a click because an
    // item was hovered the frame before). Counts drawn frames since the lift; -1: no lift pending.
    int touch_lift_frames = -1;
    // A flick: a finger that lifts while it still moves over a pane that scrolls lets the pane
    // coast on (the loader does the same for the page around an embed). `flick` holds the drag's
    // recent moves (time, px: + the finger moved down); the coast scrolls window `coast_window` at
    // `coast_v` px/ms, slowing by 1/e every kCoastTauMs, until it stops or a new input comes.
    struct FingerMove { double t; float px; };  // t: the event's timestamp (ms)
    std::vector<FingerMove> flick;
    double coast_v = 0, coast_t = 0;
    ImGuiID coast_window = 0;
    double main_done_ms = 0;           // performance.now() when main() returned
};

// Files opened or dropped in the page (tx_import_*): episodes collected one file at a time, then
// handed to the model at once; one message per file that could not be read.
struct ImportSession {
    std::vector<tx::Episode> episodes;
    std::vector<std::string> stems;   // each episode's file stem ("" from a bundle), for chapters files
    struct Chapters { int file; std::string name; std::vector<tx::Chapter> chapters; };
    std::vector<Chapters> chapters;   // chapters files (import_chapters), attached by tx_import_chapters
    int files = 0;                    // tx_import_file calls so far
    std::string orphans;              // tx_import_chapters's answer
    std::vector<std::string> errors;  // "name: reason", in the order the files came
    std::string last_error;           // the last file's error ("" if it loaded)
};
ImportSession* g_import = nullptr;
Platform* g = nullptr;

// The window a wheel at p (CSS px from the canvas's top-left) would scroll, vertically or not,
// towards its end (forward) or its start, or null if the wheel would scroll nothing there. This
// mirrors ImGui 1.86's FindHoveredWindow() (topmost active window containing the point) and
// UpdateMouseWheel() (walk up through child windows that cannot scroll or refuse the wheel).
ImGuiWindow* wheel_window(ImVec2 p, bool vertical, bool forward) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    ImGuiWindow* w = nullptr;
    for (int i = ctx->Windows.Size - 1; i >= 0 && !w; --i) {
        ImGuiWindow* c = ctx->Windows[i];
        if (c->Active && !c->Hidden && !(c->Flags & ImGuiWindowFlags_NoMouseInputs) && c->OuterRectClipped.Contains(p)) w = c;
    }
    if (!w) return nullptr;
    auto scroll_max = [&](ImGuiWindow* c) { return vertical ? c->ScrollMax.y : c->ScrollMax.x; };
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->ParentWindow &&
           (scroll_max(w) <= 0.f || ((w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_NoMouseInputs))))
        w = w->ParentWindow;
    if (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)) return nullptr;
    const float pos = vertical ? w->Scroll.y : w->Scroll.x, max = scroll_max(w);
    if (max <= 0.f) return nullptr;
    return (forward ? pos < max - 0.5f : pos > 0.5f) ? w : nullptr;
}

// The finger's speed when it lifts at time t (px/ms, + moving down) over its last (up to
// kFlickMoves) moves; 0 if it rested before lifting: no move for kFlickRestMs, or for 1.5 times the gap
// between its last moves when they came further apart (a busy or slow device delivers a moving
// finger once per frame, and its lift a frame after the last move).
double flick_speed(const std::vector<Platform::FingerMove>& moves, double t) {
    const size_t n = std::min(moves.size(), kFlickMoves);
    if (n < 2) return 0;
    const Platform::FingerMove* m = moves.data() + (moves.size() - n);
    const double span = m[n - 1].t - m[0].t;
    if (span <= 0 || t - m[n - 1].t > std::max(kFlickRestMs, 1.5 * span / double(n - 1))) return 0;
    double px = 0;
    for (size_t i = 1; i < n; ++i) px += m[i].px;  // the first move's distance came before m[0].t
    return px / span;
}

// Start a coast after a lift at p (CSS px) at speed v, if a pane there can scroll that way.
void start_coast(ImVec2 p, double v) {
    g->coast_v = 0;
    if (std::fabs(v) < kFlickMinSpeed) return;
    // a finger moving down (v > 0) shows what is above: it scrolls towards the start
    if (ImGuiWindow* w = wheel_window(p, true, v < 0)) {
        g->coast_window = w->ID;
        g->coast_v = v;
        g->coast_t = emscripten_get_now();
    }
}

// One frame of the coast: scroll its window by the distance since the last frame, slow down;
// stops at the window's end or when slow. @return true while it goes on.
bool coast_step(double now) {
    if (g->coast_v == 0) return false;
    ImGuiWindow* w = ImGui::FindWindowByID(g->coast_window);
    const double dt = std::max(0.0, now - g->coast_t);
    g->coast_t = now;
    if (!w || w->Hidden || w->ScrollMax.y <= 0.f) { g->coast_v = 0; return false; }
    // the distance the decaying speed covers in dt, exactly: a slow frame takes a longer step, the
    // whole coast is v * kCoastTauMs however the frames fall
    const double decay = std::exp(-dt / kCoastTauMs);
    const float target = std::clamp(w->Scroll.y - float(g->coast_v * kCoastTauMs * (1 - decay)), 0.f, w->ScrollMax.y);
    ImGui::SetScrollY(w, target);
    g->coast_v *= decay;
    if (std::fabs(g->coast_v) < 0.02 || target <= 0.f || target >= w->ScrollMax.y) g->coast_v = 0;
    return true;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Can every text the explorer may draw now be set with the ASCII glyphs plus the UI's own symbols
// (kUiGlyphs)? True when episodes are loaded, nothing is loading, and the query, every episode's
// metadata and every episode's full text (all resident: a small bundle or opened files) are ASCII
// (what is made from them adds only kUiGlyphs' symbols).
// False for an archive (its text is decoded later, episode by episode), any non-ASCII character,
// and before anything loaded (a progress screen: the atlas it builds, in the start-up frame that
// the load-frame figures leave out, then serves whatever comes, as an archive's first frames).
bool content_is_ascii(const tx::AppModel& m) {
    if (m.episode_count() == 0 || m.loading() || m.episodes().size() != m.episode_count()) return false;
    return visit_drawn_strings(m, [&m](Drawn kind, uint32_t i, std::string_view s) {
        if (kind == Drawn::Current || kind == Drawn::Derived) return true;  // one of the texts / made from them
        // an archive releases each episode's text (and words) once indexed: not resident, not known
        if (kind == Drawn::Text && s.empty() && m.episode_words(i) > 0) return false;
        return is_ascii(s);
    });
}

// The glyph ranges the large size needs in the UI's atlas (ASCII content): it draws only headings
// (app.cpp: the episode title, cut with U+2026 or dots, "Untitled episode"; the loading and error
// screens' headlines) and '?', ImGui's fallback. Built from the characters, not from all of
// kUiGlyphs: the largest size was half the atlas' rasterising and texture.
ImVector<ImWchar> heading_glyphs(const tx::AppModel& m) {
    bool have[128] = {};
    auto add = [&](std::string_view t) {
        for (unsigned char c : t)
            if (c >= 0x20 && c < 0x7F) have[c] = true;
    };
    add("?.");  // ImGui's fallback, and the dots a title may be cut with
    for (const char* t : {tx::App::kLoadingHeadline, tx::App::kFailedHeadline, tx::App::kUntitledEpisode}) add(t);
    for (uint32_t i = 0; i < m.episode_count(); ++i) add(m.episode_meta(i).title);
    ImVector<ImWchar> r;
    for (int c = 0x20; c < 0x7F; ++c)
        if (have[c] && !have[c - 1]) r.push_back(ImWchar(c));
        else if (have[c - 1] && !have[c]) r.push_back(ImWchar(c - 1));
    if (have[0x7E]) r.push_back(0x7E);
    for (ImWchar c : {ImWchar(0x2026), ImWchar(0x2026), ImWchar(0)}) r.push_back(c);
    return r;
}

// (Re)build the font atlas at the current devicePixelRatio and font scale so text is crisp on
// HiDPI screens: glyphs are rasterised at px*dpr and drawn at 1/dpr scale. All three sizes are
// built (the first frame uses each); `all_glyphs` false builds only kUiGlyphs (see frame()), true
// kAllGlyphs plus the characters of the loaded text the font subset has (ContentGlyphs::extra)
// and its Chinese, Japanese and Korean ones from the browser's fonts (BrowserGlyphs).
void build_fonts(float dpr, float scale, bool all_glyphs) {
    const double t0 = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = dpr >= 2 ? 1 : 2;
    cfg.OversampleV = 1;
    const ImWchar* ranges = all_glyphs ? kAllGlyphs : kUiGlyphs;
    if (all_glyphs) g->content_glyphs.scan(g->model);
    g->atlas_extra = 0;
    if (all_glyphs && !g->content_glyphs.extra.empty()) {  // BuildRanges walks all 65,536 code points: ~0.8 ms
        ImFontGlyphRangesBuilder b;
        b.AddRanges(kAllGlyphs);
        for (ImWchar c : g->content_glyphs.extra) b.AddChar(c);
        g->atlas_ranges.clear();
        b.BuildRanges(&g->atlas_ranges);  // the atlas reads it again at every Build: kept in g
        g->atlas_extra = g->content_glyphs.extra.size();
        ranges = g->atlas_ranges.Data;
    }
    void* data = const_cast<unsigned char*>(tx_ui_font);
    int size = int(tx_ui_font_size);
    const float px[] = {std::round(kBodyPx * scale * dpr), std::round(kSmallPx * scale * dpr), std::round(kLargePx * scale * dpr)};
    g->fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, px[0], &cfg, ranges);
    g->fonts.small = io.Fonts->AddFontFromMemoryTTF(data, size, px[1], &cfg, ranges);
    if (!all_glyphs) g->heading_ranges = heading_glyphs(g->model);
    g->fonts.large = io.Fonts->AddFontFromMemoryTTF(data, size, px[2], &cfg, all_glyphs ? ranges : g->heading_ranges.Data);
    const double t_browser = emscripten_get_now();
    g->browser_glyphs = all_glyphs ? g->browser.update(io.Fonts, g->content_glyphs.chars, px, {g->fonts.body, g->fonts.small, g->fonts.large}) : 0;
    g->browser_glyphs_ms = emscripten_get_now() - t_browser;
    for (ImFont* f : {g->fonts.body, g->fonts.small, g->fonts.large})
        f->FallbackChar = all_glyphs ? kMissingGlyph : ImWchar('?');  // ImGui takes '?' if the atlas lacks it
    io.FontGlobalScale = 1.f / dpr;
    io.Fonts->TexDesiredWidth = all_glyphs ? g->browser.tex_width() : 0;
    io.Fonts->Build();
    if (all_glyphs) g->browser.finish(io.Fonts);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g->font_dpr = dpr;
    g->font_scale = scale;
    g->fonts_all_glyphs = all_glyphs;
    g->font_atlas_ms = emscripten_get_now() - t0;
}

// Text at a fractional devicePixelRatio (1.25, 1.5, browser zoom): ImGui puts each line at a whole
// CSS pixel, which is not a whole device pixel (a line 26 px down at 1.25 is 32.5 device pixels
// down), and the glyphs, rasterised one texel per device pixel, were then sampled half a texel off:
// every other transcript line came out blurred. Moving every vertex to the nearest device-pixel
// row keeps glyphs one texel per pixel (quads move by less than half a device pixel). Columns are
// left alone: the atlas is oversampled horizontally for positions between pixels.
void snap_to_device_rows(ImDrawData* dd) {
    const float s = dd->FramebufferScale.y;
    if (s <= 0.f || s == std::floor(s)) return;  // whole CSS pixels are whole device pixels
    const float top = dd->DisplayPos.y;
    for (int i = 0; i < dd->CmdListsCount; ++i)
        for (ImDrawVert& v : dd->CmdLists[i]->VtxBuffer) v.pos.y = top + std::round((v.pos.y - top) * s) / s;
}

void apply_style(bool dark) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    if (dark) ImGui::StyleColorsDark(); else ImGui::StyleColorsLight();
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 7);
    s.FrameRounding = 5;
    s.TabRounding = 5;
    s.ScrollbarSize = 12;
    s.ScrollbarRounding = 6;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    ImVec4* c = s.Colors;
    if (dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.115f, 0.125f, 1);
        c[ImGuiCol_Text] = ImVec4(0.90f, 0.90f, 0.88f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.58f, 0.58f, 0.60f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.18f, 0.20f, 1);
        c[ImGuiCol_PopupBg] = ImVec4(0.15f, 0.16f, 0.17f, 1);  // opaque: text under a tooltip must not show through
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.98f, 0.97f, 1);
        c[ImGuiCol_Text] = ImVec4(0.11f, 0.11f, 0.13f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.42f, 0.45f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.915f, 0.90f, 1);
        c[ImGuiCol_PopupBg] = ImVec4(1, 1, 0.995f, 1);
        c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.98f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.88f, 0.92f, 0.98f, 1);
        // the focus ring: ImGui's light blue at 80% was 2.3:1 on the page (WCAG 1.4.11 asks 3:1);
        // #1f5fc8, the loading screen's bar, is 5.7:1
        c[ImGuiCol_NavHighlight] = ImVec4(0.12f, 0.37f, 0.78f, 1);
    }
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    g->style_dark = dark;
    g->style_set = true;
}

// ImGui_ImplSDL2_ProcessEvent (1.86) sets io.KeyCtrl/Shift/Alt/Super from SDL_GetModState(), the
// state after *all* queued events; when Ctrl down, A down, A up, Ctrl up arrive within one frame
// that loses the Ctrl of Ctrl+A. Take the modifiers each key event carried instead.
void process_event(SDL_Event& e) {
    // Tab / Shift+Tab move the keyboard focus between the explorer's parts (App::tab), not ImGui's
    // tabbing (which only knows text boxes, one window at a time: the search box kept the focus).
    if ((e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) && e.key.keysym.scancode == SDL_SCANCODE_TAB &&
        !(e.key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) {
        if (e.type == SDL_KEYDOWN) g->app.tab((e.key.keysym.mod & KMOD_SHIFT) ? -1 : 1);
        return;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
        ImGuiIO& io = ImGui::GetIO();
        const Uint16 mod = e.key.keysym.mod;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
    }
}

// A frame of an archive load took `dt` ms, `step_ms` of them in AppModel::step.
void note_load_frame(double dt, double step_ms, bool indexing) {
    g->longest_load_frame_ms = std::max(g->longest_load_frame_ms, dt);
    double& longest = indexing ? g->longest_index_frame_ms : g->longest_topics_frame_ms;
    double& step = indexing ? g->longest_index_step_ms : g->longest_topics_step_ms;
    if (dt > longest) { longest = dt; step = step_ms; }
    if (dt > 50) ++g->slow_load_frames;
}

// Screen readers: after a drawn frame, tell the page (Module.onExplorerAnnounce, in
// web/explorer-loader.js) what changed of the status line, the keyboard focus's item in words
// (App::focus_text), which text box has the keyboard's keys (App::field_has_keys: 0 none, 1 the
// search box, 2 the Episodes filter; the page then focuses its text field over that box) and the
// box's text when the box changed it itself.
void publish_a11y() {
    const std::string status = tx::search_status(g->model);
    const int keys = int(g->app.field_has_keys());
    if (status == g->a11y_status && g->app.focus_text() == g->a11y_focus && keys == g->a11y_field_keys &&
        g->app.field_text_rev() == g->a11y_text_rev)
        return;
    g->a11y_status = status;
    g->a11y_focus = g->app.focus_text();
    g->a11y_field_keys = keys;
    g->a11y_text_rev = g->app.field_text_rev();
    const std::string spoken_status = tx::for_speech(status), spoken_focus = tx::for_speech(g->a11y_focus);
    EM_ASM({ if (Module.onExplorerAnnounce) Module.onExplorerAnnounce(UTF8ToString($0), UTF8ToString($1), $2, UTF8ToString($3), $4); },
           spoken_status.c_str(), spoken_focus.c_str(), keys, g->app.field_text(), g->a11y_text_rev);
}

void frame() {
    double t0 = emscripten_get_now();
    // Right after main() the bundle is usually moments away (its download started with the page's
    // other files). Until it is handed over, or for kFirstDrawGraceMs at most, draw nothing (the
    // page's own boot text is up): a progress screen drawn now would build the font atlas and lay
    // out a screen that the next frame replaces, and, as a long task, hold back the delivery of
    // the bundle's last bytes to the page (on a busy machine that delivery alone has been seen to
    // take 100-250 ms after main()); a wait this short needs no progress bar. Input waits in
    // SDL's queue.
    const tx::LoadPhase phase = g->model.phase();
    if (g->frames == 0 && (phase == tx::LoadPhase::Waiting || phase == tx::LoadPhase::Downloading) &&
        t0 - g->main_done_ms < kFirstDrawGraceMs)
        return;
    float dpr = float(emscripten_get_device_pixel_ratio());
    // The window moved to a screen of another pixel density (a laptop's 2x panel, a 1x monitor):
    // the CSS size stays, so no resize event comes, and the canvas kept the old density's backing
    // store (blurred, or wasted). SDL re-reads the ratio when the size is set, even to the same size.
    if (dpr != g->window_dpr) {
        int w = 0, h = 0;
        SDL_GetWindowSize(g->window, &w, &h);
        SDL_SetWindowSize(g->window, w, h);
        g->window_dpr = dpr;
        g->frames_to_draw = std::max(g->frames_to_draw, 2);
    }
    bool events = false;
    // ImGui 1.86 has no input queue: it sees only the key state at the end of the events of a frame
    // and applies typed characters before keys. So a key that goes down and up within one frame
    // would never be seen as pressed, and "Backspace, z" in one frame would type z and then delete
    // it. A key-up that follows a key-down of the same frame is therefore held back to the next
    // frame together with every event after it, in order: each frame sees at most one completed
    // key press, and Ctrl+A (Ctrl down, A down, A up, Ctrl up) keeps its Ctrl.
    static std::vector<SDL_Event> deferred;
    std::vector<SDL_Event> queue = std::move(deferred);
    deferred.clear();
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) queue.push_back(ev);
    // A key that went up and down again in one frame (two quick presses of Ctrl+=) would look held,
    // not pressed twice, so a key's second event in a frame is held back the same way.
    int n_down = 0;  // key-downs handled so far in this frame
    std::vector<SDL_Scancode> keys_seen;  // keys with an event handled in this frame
    for (SDL_Event& e : queue) {
        events = true;
        const bool key = e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
        if (!deferred.empty() || (e.type == SDL_KEYUP && n_down > 0) ||
            (key && std::find(keys_seen.begin(), keys_seen.end(), e.key.keysym.scancode) != keys_seen.end())) {
            deferred.push_back(e);
            continue;
        }
        if (key) keys_seen.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYDOWN) ++n_down;
        if (e.type == SDL_FINGERDOWN) { g->touch_lift_frames = -1; g->coast_v = 0; g->flick.clear(); g->app.set_touch(true); }
        if (e.type == SDL_FINGERUP) {
            g->touch_lift_frames = 0;
            int w = 0, h = 0;
            SDL_GetWindowSize(g->window, &w, &h);
            if (!g->flick.empty())
                start_coast(ImVec2{e.tfinger.x * float(w), e.tfinger.y * float(h)}, flick_speed(g->flick, double(e.tfinger.timestamp)));
            g->flick.clear();
        }
        const bool mouse_press = e.type == SDL_MOUSEBUTTONDOWN && e.button.which != SDL_TOUCH_MOUSEID;
        if (mouse_press || (e.type == SDL_MOUSEMOTION && e.motion.which != SDL_TOUCH_MOUSEID)) {  // a real mouse
            g->touch_lift_frames = -1;
            g->app.set_touch(false);
        }
        if (mouse_press || e.type == SDL_MOUSEWHEEL || e.type == SDL_KEYDOWN) g->coast_v = 0;  // any other input stops a coast
        if (e.type == SDL_FINGERMOTION) {  // touch drag scrolls like a wheel
            int w = 0, h = 0;
            SDL_GetWindowSize(g->window, &w, &h);
            ImGui::GetIO().MouseWheel += e.tfinger.dy * float(h) / (ImGui::GetFontSize() * 5.f);
            // the event's own time (SDL's ms when the browser delivered it): a slow frame batches moves
            g->flick.push_back(Platform::FingerMove{double(e.tfinger.timestamp), e.tfinger.dy * float(h)});
            if (g->flick.size() > kFlickMoves) g->flick.erase(g->flick.begin());
            continue;
        }
        process_event(e);
    }
    // Archive loading and lazy snippets advance in time slices before drawing (see AppModel::step).
    // While an archive loads and nobody interacts, only a few frames a second are drawn (software
    // GL draws are slow) and the rest of each frame goes to indexing.
    if (events || !deferred.empty()) g->last_input_ms = t0;
    const bool was_loading = g->model.loading();
    const bool was_indexing = was_loading && g->model.indexed_episodes() < g->model.episode_count();
    // The first frame with a loaded archive is drawn at once (not held back by the 5-a-second
    // redraw of the download's progress) and, as it lays out the episode list and reader (tens of
    // ms with software GL), gets no load work: the next frame does.
    const bool first_archive_draw =
        g->model.loading() && g->first_ready_frame_ms < 0 && g->model.revision() != g->drawn_rev;  // so it draws
    bool throttled = g->model.loading() && !first_archive_draw && t0 - g->last_input_ms > 500 &&
                     t0 - g->last_draw_ms < kLoadingRedrawMs;
    const double budget = first_archive_draw ? 0.0 : throttled ? kStepBudgetIdleMs : kStepBudgetMs;
    if (g->model.step([] { return emscripten_get_now(); }, budget))
        g->frames_to_draw = std::max(g->frames_to_draw, 1);
    const double step_ms = emscripten_get_now() - t0;
    if (throttled) {
        double dt = emscripten_get_now() - t0;
        g->longest_frame_ms = std::max(g->longest_frame_ms, dt);
        note_load_frame(dt, step_ms, was_indexing);
        return;
    }
    if (coast_step(t0)) g->frames_to_draw = std::max(g->frames_to_draw, 1);  // applied by the next Begin
    if (events || !deferred.empty()) g->frames_to_draw = std::max(g->frames_to_draw, 3);
    if (g->model.revision() != g->drawn_rev) g->frames_to_draw = std::max(g->frames_to_draw, 2);
    if (dpr != g->font_dpr || g->app.font_scale() != g->font_scale || g->app.dark() != g->style_dark)
        g->frames_to_draw = std::max(g->frames_to_draw, 2);
    if (g->frames_to_draw <= 0) {  // idle: nothing changed, draw nothing
        // The first idle moment completes the atlas (not drawn: the next frame just has more glyphs).
        if (!g->fonts_all_glyphs && g->font_dpr > 0 && !g->model.loading()) build_fonts(g->font_dpr, g->font_scale, true);
        return;
    }
    --g->frames_to_draw;

    // Fonts: the first frames build only the UI's glyphs when every text there is to draw is ASCII
    // (checked again whenever the model changed), else the full set; the first idle moment above
    // builds the full set anyway, long before a reader types.
    // A full atlas is rebuilt when the model's text (a typed or pasted query, a decoded episode,
    // opened files) brings characters it was not built with.
    bool all_glyphs = g->fonts_all_glyphs, new_glyphs = false;
    if (g->model.revision() != g->glyphs_checked_rev) {
        g->glyphs_checked_rev = g->model.revision();
        if (!all_glyphs) {
            all_glyphs = !content_is_ascii(g->model);
            if (!all_glyphs) g->content_glyphs.mark_ascii(g->model);
            if (!all_glyphs && g->font_dpr > 0) {  // other titles may need other glyphs in the large size
                const ImVector<ImWchar> h = heading_glyphs(g->model);
                new_glyphs = h.Size != g->heading_ranges.Size || std::memcmp(h.Data, g->heading_ranges.Data, size_t(h.size_in_bytes())) != 0;
            }
        } else {
            g->content_glyphs.scan(g->model);
            new_glyphs = g->content_glyphs.extra.size() != g->atlas_extra;
        }
    }
    if (dpr != g->font_dpr || g->app.font_scale() != g->font_scale || all_glyphs != g->fonts_all_glyphs || new_glyphs)
        build_fonts(dpr, g->app.font_scale(), all_glyphs);
    if (!g->style_set || g->app.dark() != g->style_dark) apply_style(g->app.dark());

    g->drawn_rev = g->model.revision();
    g->last_draw_ms = t0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.f) io.DeltaTime = 1.f / 60.f;  // headless virtual time can repeat timestamps
    // A lifted finger keeps its point for two frames (the tap's press and release, which may fall
    // in one frame of events), then hovers nothing until the next touch or mouse move.
    if (g->touch_lift_frames >= 2) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    else if (g->touch_lift_frames >= 0) { ++g->touch_lift_frames; g->frames_to_draw = std::max(g->frames_to_draw, 1); }
    ImGui::NewFrame();
    g->app.frame(g->fonts, g->keys);
    if (ImGui::GetActiveID() != g->last_active_id) {
        // ImGui derives io.WantTextInput (the state's "typing", the app's "a box has the keys")
        // from the frame before: a box that took the caret in the last frame drawn before the page
        // went idle left it false until the next input (keyboard.test's ↑ back to the episode filter
        // failed ~1 run in 8 so: the filter active, "typing" false). One more frame settles it.
        g->frames_to_draw = std::max(g->frames_to_draw, 1);
        g->last_active_id = ImGui::GetActiveID();
        const ImGuiWindow* w = GImGui->ActiveIdWindow;
        g->active_log.push_back(std::to_string(g->frames) + ":" + std::to_string(g->last_active_id) + ":" + (w ? w->Name : "") + ":" +
                                std::to_string(int(GImGui->ActiveIdSource)) + ":" + std::to_string(GImGui->InputTextState.ID));
        if (g->active_log.size() > 12) g->active_log.erase(g->active_log.begin());
    }
    ImGui::Render();
    snap_to_device_rows(ImGui::GetDrawData());
    if (g->app.animating()) g->frames_to_draw = std::max(g->frames_to_draw, 1);

    int fw = 0, fh = 0;
    SDL_GL_GetDrawableSize(g->window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g->frames;
    if (g->model.revision() != g->notified_rev) {
        g->notified_rev = g->model.revision();
        EM_ASM({ if (Module.onExplorerChange) Module.onExplorerChange(); });
    }
    publish_a11y();
    // One clock reading for both marks: two readings could differ by the timer's resolution, and the
    // frame that first shows a searchable transcript must report the same time for both.
    const double now = emscripten_get_now();
    if (g->first_ready_frame_ms < 0 && g->model.episode_count() > 0) g->first_ready_frame_ms = now;
    if (g->indexed_ms < 0 && g->model.episode_count() > 0 && g->model.indexed_episodes() == g->model.episode_count())
        g->indexed_ms = now;
    double dt = now - t0;
    if (dt > g->longest_frame_ms) g->longest_frame_ms = dt;
    if (was_loading && g->frames > 1) note_load_frame(dt, step_ms, was_indexing);
}

}  // namespace

extern "C" {

// Take `len` bytes at `ptr` (malloc'd by JS; this function frees it). @return 1 on success, 0 on error.
EMSCRIPTEN_KEEPALIVE int tx_load_bundle(uint8_t* ptr, int len) {
    if (!g) return 0;
    if (!ptr || len < 0) {
        g->model.fail(tx::Errc::InvalidArgument, "No bundle data was given");
        return 0;
    }
    g->first_ready_frame_ms = g->indexed_ms = -1;
    g->longest_load_frame_ms = g->longest_index_frame_ms = g->longest_index_step_ms = 0;
    g->longest_topics_frame_ms = g->longest_topics_step_ms = 0;
    g->slow_load_frames = 0;
    double t0 = emscripten_get_now();
    auto st = g->model.load_bundle(tx::Bytes(ptr, size_t(len)));
    free(ptr);
    g->load_call_ms = emscripten_get_now() - t0;
    return st.ok() ? 1 : 0;
}

// With the full atlas: the distinct characters of the model's text (as of its current revision,
// scanned here when no frame did yet, and remembered since the page opened) that the atlas cannot
// draw; 0 with the UI's atlas (ASCII text).
uint32_t missing_glyphs() {
    if (!g->fonts_all_glyphs || !g->fonts.body) return 0;
    g->content_glyphs.scan(g->model);
    return g->content_glyphs.missing(g->fonts.body);
}

// The model's state as JSON (valid until the next call): AppModel::state_json plus heapBytes
// (HEAP8.length: the WASM memory, which only grows, so also its peak), firstFrameMs and indexedMs
// (performance.now() of the first frame drawn with episodes, and of the frame where every episode
// was indexed; -1 until then), loadCallMs (how long tx_load_bundle blocked the page), fontAtlasMs
// and fontAtlasAllGlyphs (the last font atlas build: its duration, and whether it is the full one
// or holds only the UI's glyphs, see build_fonts), missingGlyphs (with the full atlas: distinct
// characters met in the text and queries since the page opened that it cannot draw, shown as a
// box), browserGlyphs and browserGlyphsMs (the characters the last full atlas took from the
// browser's fonts, BrowserGlyphs, and the part of fontAtlasMs spent drawing and queueing them),
// browserGlyphsDrawn (of those, the ones that build had the browser draw: the rest were kept),
// cjkFonts ("zh", "ja" or "ko": whose fonts come first in drawing them, cjk_lang), frames,
// longestFrameMs (longest main-loop callback, drawn or not), longestLoadFrameMs (the same while
// an archive is still indexing or finding topics, the first frame excluded: it builds the font
// atlas, ~100 ms with software GL, demo or archive alike), typing, dark, fontScale, timeline.
EMSCRIPTEN_KEEPALIVE const char* tx_state_json() {
    if (!g) return "{\"ready\":false,\"phase\":\"starting\"}";
    g->state = g->model.state_json();
    g->state.pop_back();
    // heapBytes: the WASM memory size (the soak test and the archive benchmark read it)
    g->state += ",\"heapBytes\":" + std::to_string(uint64_t(__builtin_wasm_memory_size(0)) * 65536u) +
                ",\"firstFrameMs\":" + std::to_string(g->first_ready_frame_ms) +
                ",\"indexedMs\":" + std::to_string(g->indexed_ms) + ",\"loadCallMs\":" + std::to_string(g->load_call_ms) +
                ",\"fontAtlasMs\":" + std::to_string(g->font_atlas_ms) +
                ",\"fontAtlasAllGlyphs\":" + (g->fonts_all_glyphs ? "true" : "false") +
                ",\"missingGlyphs\":" + std::to_string(missing_glyphs()) +
                ",\"browserGlyphs\":" + std::to_string(g->browser_glyphs) +
                ",\"browserGlyphsMs\":" + std::to_string(g->browser_glyphs_ms) +
                ",\"browserGlyphsDrawn\":" + std::to_string(g->browser.drawn_last()) +
                ",\"cjkFonts\":\"" + cjk_lang_name(g->browser.lang()) + "\"" +
                ",\"longestLoadFrameMs\":" + std::to_string(g->longest_load_frame_ms) +
                ",\"longestIndexFrameMs\":" + std::to_string(g->longest_index_frame_ms) +
                ",\"longestIndexFrameStepMs\":" + std::to_string(g->longest_index_step_ms) +
                ",\"longestTopicsFrameMs\":" + std::to_string(g->longest_topics_frame_ms) +
                ",\"longestTopicsFrameStepMs\":" + std::to_string(g->longest_topics_step_ms) +
                ",\"slowLoadFrames\":" + std::to_string(g->slow_load_frames);
    g->state += ",\"frames\":" + std::to_string(g->frames) + ",\"longestFrameMs\":" + std::to_string(g->longest_frame_ms) +
                ",\"typing\":" + (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? "true" : "false") +
                ",\"dark\":" + (g->app.dark() ? "true" : "false") + ",\"fontScale\":" + std::to_string(g->app.font_scale()) +
                ",\"focus\":\"" + tx::App::part_name(g->app.part()) + "\",\"focusRing\":" + (g->app.part_visible() ? "true" : "false") +
                ",\"topicCursor\":" + std::to_string(g->app.topic_cursor()) + ",\"recurringCursor\":" + std::to_string(g->app.recurring_cursor()) + ",\"highlightedGroup\":" + std::to_string(g->model.highlighted_group());
    // whether the explorer has the page's focus, whether the episode filter still waits for its
    // caret, and ImGui's active item (0: none): what keyboard.test reports when a box lacks its caret
    g->state += std::string(",\"pageFocus\":") + (g->app.page_focus() ? "true" : "false") +
                ",\"filterCaretPending\":" + (g->app.focus_filter_pending() ? "true" : "false") +
                ",\"activeId\":" + std::to_string(ImGui::GetCurrentContext() ? ImGui::GetActiveID() : 0) +
                ",\"touchCaretX\":" + std::to_string(g->app.touch_caret_x()) + ",\"activeLog\":[";  // touchCaretX: the tapped box's caret (-1: none)
    for (size_t i = 0; i < g->active_log.size(); ++i) {
        if (i) g->state += ',';
        tx::json_append_string(g->state, g->active_log[i]);
    }
    g->state += "]";
    // what a screen reader is told (publish_a11y, for_speech): the status line, the focus's item, whether the
    // search box has the keys (searchKeys) or which box does ("search", "episodeFilter", "": fieldKeys),
    // and the texts of the search box and of the box with the keys (fieldText)
    g->state += ",\"a11y\":{\"status\":";
    tx::json_append_string(g->state, tx::for_speech(tx::search_status(g->model)));
    g->state += ",\"focus\":";
    tx::json_append_string(g->state, tx::for_speech(g->app.focus_text()));
    static const char* fields[] = {"", "search", "episodeFilter"};
    g->state += std::string(",\"searchKeys\":") + (g->app.search_has_keys() ? "true" : "false") +
                ",\"fieldKeys\":\"" + fields[int(g->app.field_has_keys())] + "\",\"searchText\":";
    tx::json_append_string(g->state, g->app.search_text());
    g->state += ",\"fieldText\":";
    tx::json_append_string(g->state, g->app.field_text());
    g->state += "}";
    g->state += ",\"topicStarts\":[";  // the current episode's topics (ms), as the Topics tab lists them
    for (size_t i = 0; i < g->model.topics().size(); ++i) g->state += (i ? "," : "") + std::to_string(g->model.topics()[i].start_ms);
    g->state += "]";
    auto rect = [](const float* r) {
        return "[" + std::to_string(r[0]) + "," + std::to_string(r[1]) + "," + std::to_string(r[2]) + "," + std::to_string(r[3]) + "]";
    };
    g->state += ",\"timeline\":" + rect(g->app.timeline_rect()) + ",\"searchBox\":" + rect(g->app.search_rect());
    g->state += ",\"searchHint\":";
    tx::json_append_string(g->state, g->app.search_hint());
    // the timeline's time labels and chapter titles as drawn: [text, [x, y, w, h]]
    auto text_rects = [&](const std::vector<tx::App::TextRect>& labels) {  // [[text, [x, y, w, h]], ...]
        g->state += "[";
        for (size_t i = 0; i < labels.size(); ++i) {
            g->state += i ? ",[" : "[";
            tx::json_append_string(g->state, labels[i].text);
            g->state += "," + rect(labels[i].rect) + "]";
        }
        g->state += "]";
    };
    for (const auto& [key, labels] : {std::make_pair("axisLabels", &g->app.axis_labels()), std::make_pair("chapterLabels", &g->app.chapter_labels())}) {
        g->state += ",\"" + std::string(key) + "\":";
        text_rects(*labels);
    }
    g->state += ",\"topicLabels\":[";  // the timeline's topic labels as drawn: {text, label, current, rect}
    for (size_t i = 0; i < g->app.topic_labels().size(); ++i) {
        const auto& l = g->app.topic_labels()[i];
        g->state += i ? ",{\"text\":" : "{\"text\":";
        tx::json_append_string(g->state, l.text);
        g->state += ",\"label\":";
        tx::json_append_string(g->state, l.label);
        g->state += std::string(",\"current\":") + (l.current ? "true" : "false") + ",\"rect\":" + rect(l.rect) + "}";
    }
    g->state += "]";
    // the reader's paragraphs drawn: {rect (the paragraph, gap left out), textX, gutter: [[text, rect], ...] (time, name rows)}
    g->state += ",\"readerParagraphs\":[";
    for (size_t i = 0; i < g->app.reader_paragraphs().size(); ++i) {
        const auto& p = g->app.reader_paragraphs()[i];
        g->state += std::string(i ? "," : "") + "{\"rect\":" + rect(p.rect) + ",\"textX\":" + std::to_string(p.text_x) + ",\"gutter\":";
        text_rects(p.gutter);
        g->state += "}";
    }
    g->state += "]";
    g->state += ",\"episodeFilter\":" + rect(g->app.episode_filter_rect()) + ",\"episodeRows\":" + std::to_string(g->app.episode_rows());
    // the Episodes tab's recurring topics as drawn: each row's topic, label, colour ("#rrggbb", as
    // the strips draw it), episodes, row and swatch rects; or the note it showed instead
    g->state += ",\"topicList\":{\"note\":";
    tx::json_append_string(g->state, g->app.topic_list_note());
    g->state += ",\"rows\":[";
    for (size_t i = 0; i < g->app.topic_list_rows().size(); ++i) {
        const auto& r = g->app.topic_list_rows()[i];
        const tx::RecurringTopicRow& t = g->model.recurring_topics()[size_t(r.topic)];
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", t.color & 0xff, (t.color >> 8) & 0xff, (t.color >> 16) & 0xff);
        g->state += std::string(i ? "," : "") + "{\"topic\":" + std::to_string(r.topic) + ",\"label\":";
        tx::json_append_string(g->state, t.label);
        g->state += ",\"color\":\"" + std::string(hex) + "\",\"episodes\":[";
        for (size_t k = 0; k < t.episodes.size(); ++k) g->state += (k ? "," : "") + std::to_string(t.episodes[k]);
        g->state += "],\"rect\":" + rect(r.rect) + ",\"swatch\":" + rect(r.swatch) + "}";
    }
    g->state += "]}";
    // what the views showed: the status line, the tabs (name -> rect), the results heading pinned
    // over a scrolled group (resultsPinned), the phone layout's tab, the
    // texts cut with an ellipsis, the tooltip background's alpha
    g->state += ",\"status\":";
    tx::json_append_string(g->state, tx::search_status(g->model));
    g->state += ",\"copyNote\":\"" + std::string(g->app.copy_note_state()) + "\"";
    g->state += ",\"tabs\":{";
    for (size_t i = 0; i < g->app.tab_rects().size(); ++i) {
        const auto& t = g->app.tab_rects()[i];
        if (i) g->state += ',';
        tx::json_append_string(g->state, t.name);
        g->state += ":" + rect(t.rect);
    }
    g->state += "},\"tabsCut\":[";  // the tabs drawn narrower than their label (cut)
    bool first_cut = true;
    for (const auto& t : g->app.tab_rects())
        if (t.cut) {
            g->state += first_cut ? "" : ",";
            tx::json_append_string(g->state, t.name);
            first_cut = false;
        }
    g->state += "]";
    g->state += ",\"resultsPinned\":";
    tx::json_append_string(g->state, g->app.results_pinned());
    g->state += ",\"narrowTab\":";
    tx::json_append_string(g->state, g->app.narrow_tab());
    // the texts cut with "…" (whole), and what was drawn of each
    for (const auto& [key, list] : {std::make_pair("ellipsized", &g->app.ellipsized()), std::make_pair("ellipsizedAs", &g->app.ellipsized_as())}) {
        g->state += ",\"" + std::string(key) + "\":[";
        for (size_t i = 0; i < list->size(); ++i) {
            if (i) g->state += ',';
            tx::json_append_string(g->state, (*list)[i]);
        }
        g->state += "]";
    }
    g->state += ",\"tooltip\":";  // the tooltip drawn last frame, or null
    const ImGuiWindow* tip = nullptr;
    if (ImGuiContext* ctx = ImGui::GetCurrentContext())
        for (ImGuiWindow* w : ctx->Windows)
            if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active && !w->Hidden) tip = w;
    if (tip) {
        const float r[4] = {tip->Pos.x, tip->Pos.y, tip->Size.x, tip->Size.y};
        g->state += rect(r);
    } else {
        g->state += "null";
    }
    g->state += ",\"popupAlpha\":" + std::to_string(ImGui::GetCurrentContext() ? ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w : 0.f) + "}";
    return g->state.c_str();
}

// The search box copies the model's query only while no widget is active, so a query set from
// JavaScript while the box has the text cursor would not show (and the next key would edit the old
// text). Deactivating the widget lets the next frame show the new query.
static void release_active_widget() {
    if (ImGui::GetCurrentContext() && ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
}
EMSCRIPTEN_KEEPALIVE void tx_set_query(const char* q) {
    if (g && q) { g->model.set_query(q); release_active_widget(); }
}
EMSCRIPTEN_KEEPALIVE void tx_seek(int episode, double time_ms) {
    if (g && episode >= 0 && time_ms >= 0) g->model.seek(uint32_t(episode), uint32_t(std::min(time_ms, 4.0e9)));
}
EMSCRIPTEN_KEEPALIVE void tx_next_hit(int forward) {
    if (!g) return;
    if (forward) g->model.next_occurrence(); else g->model.prev_occurrence();
}
EMSCRIPTEN_KEEPALIVE const char* tx_deep_link() {
    if (!g) return "";
    g->state = g->model.deep_link();
    return g->state.c_str();
}
EMSCRIPTEN_KEEPALIVE void tx_apply_deep_link(const char* hash) {
    if (g && hash) { g->model.apply_deep_link(hash); release_active_widget(); }
}
// The page's URL without its hash, for quotes and deep links (the loader passes it).
EMSCRIPTEN_KEEPALIVE void tx_set_page_url(const char* url) {
    if (g && url) g->app.set_page_url(url);
}
EMSCRIPTEN_KEEPALIVE void tx_set_dark(int dark) {
    if (g) { g->app.set_dark(dark != 0); g->model.bump(); }
}
EMSCRIPTEN_KEEPALIVE void tx_set_font_scale(double s) {
    if (g) { g->app.set_font_scale(float(s)); g->model.bump(); }
}
// The text size keys pressed where the canvas does not get them (the loader's search field):
// dir as App::step_font (1 larger, -1 smaller, 0 the default size).
EMSCRIPTEN_KEEPALIVE void tx_step_font(int dir) {
    if (g) { g->app.step_font(dir); g->model.bump(); }
}
// The container was resized to cssW x cssH CSS pixels.
EMSCRIPTEN_KEEPALIVE void tx_resize(int css_w, int css_h) {
    if (g && g->window && css_w > 0 && css_h > 0) {
        SDL_SetWindowSize(g->window, css_w, css_h);
        g->frames_to_draw = std::max(g->frames_to_draw, 2);
    }
}
// Tab (dir 1) or Shift+Tab (-1) on the canvas: 1 when the focused part is the last (first) one, so
// the page should move the focus on instead of the explorer (the loader then keeps the key from SDL).
EMSCRIPTEN_KEEPALIVE int tx_tab_leaves(int dir) { return g && g->app.tab_leaves(dir) ? 1 : 0; }
// The canvas got the focus from the page by Tab (dir 1: the first part takes it) or Shift+Tab (-1: the last).
EMSCRIPTEN_KEEPALIVE void tx_focus_enter(int dir) {
    if (g && ImGui::GetCurrentContext()) { g->app.enter(dir); g->frames_to_draw = std::max(g->frames_to_draw, 3); }
}
// Screen readers: the page's text field over a text box (it has the page's focus while the box has
// the keys, App::field_has_keys) changed to `text` with the caret at `caret` (UTF-16 units).
EMSCRIPTEN_KEEPALIVE void tx_text_field(const char* text, int caret) {
    if (g && text && ImGui::GetCurrentContext()) { g->app.field_edit(text, caret); g->frames_to_draw = std::max(g->frames_to_draw, 2); }
}
// The page's field that a tap on the search box focused has its caret at byte `caret` of the query
// (-1: it lost the focus): the box draws it (App::set_touch_caret).
EMSCRIPTEN_KEEPALIVE void tx_touch_caret(int caret) {
    if (g) { g->app.set_touch_caret(caret); g->frames_to_draw = std::max(g->frames_to_draw, 2); }
}
// The search syntax the search box's tooltip shows: the page describes its field with it.
EMSCRIPTEN_KEEPALIVE const char* tx_search_help() { return tx::App::search_help(); }
// The page's focus went from the canvas to that field while a key was down (the ↑ that left the
// first result for the box): its key-up goes to the field, never to SDL, and ImGui would take the
// key as held, repeating it (↑ walked the history on its own). Every key is let go of.
EMSCRIPTEN_KEEPALIVE void tx_release_keys() {
    if (!g || !ImGui::GetCurrentContext()) return;
    ImGuiIO& io = ImGui::GetIO();
    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    g->frames_to_draw = std::max(g->frames_to_draw, 2);
}
// A key of that field the box handles: 0 ↓, 1 ↑, 2 Escape, 3 Enter (App::field_key).
EMSCRIPTEN_KEEPALIVE void tx_text_field_key(int key) {
    if (g && key >= 0 && key <= 3) { g->app.field_key(key); g->frames_to_draw = std::max(g->frames_to_draw, 2); }
}
// Tab (1) / Shift+Tab (-1) pressed in that field: the next / previous part takes the keys.
EMSCRIPTEN_KEEPALIVE void tx_tab(int dir) {
    if (g && dir) { g->app.tab(dir > 0 ? 1 : -1); g->frames_to_draw = std::max(g->frames_to_draw, 3); }
}
// The canvas got (1) or lost (0) the page's keyboard focus; by_pointer: by a click or tap on it.
EMSCRIPTEN_KEEPALIVE void tx_page_focus(int focused, int by_pointer) {
    if (g && ImGui::GetCurrentContext()) {
        g->app.set_page_focus(focused != 0, by_pointer != 0);
        g->frames_to_draw = std::max(g->frames_to_draw, 2);
    }
}
// Text pasted on the canvas (the browser's paste event: ImGui cannot read the page's clipboard)
// goes to the text box that has the keys (App::paste), line breaks and tabs as spaces (a
// single-line box would glue the lines' words). @return 1 when a box had the keys, 0 when none did.
EMSCRIPTEN_KEEPALIVE int tx_paste_text(const char* text) {
    if (!g || !text || !ImGui::GetCurrentContext() || !ImGui::GetIO().WantTextInput) return 0;
    std::string s(text);
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    g->app.paste(std::move(s));
    g->frames_to_draw = std::max(g->frames_to_draw, 2);
    return 1;
}
// Something outside SDL's events needs a redraw (focus change, visibility).
// The page's clipboard took (ok = 1) or refused (0) the text of the last onExplorerCopy.
EMSCRIPTEN_KEEPALIVE void tx_copy_result(int ok) {
    if (!g) return;
    g->app.copy_result(ok != 0);
    g->frames_to_draw = std::max(g->frames_to_draw, 2);
}
EMSCRIPTEN_KEEPALIVE void tx_wake() {
    if (g) g->frames_to_draw = std::max(g->frames_to_draw, 2);
}
// The page failed before the bundle reached WASM (network error, HTTP 404...).
EMSCRIPTEN_KEEPALIVE void tx_fail(const char* message) {
    if (g) g->model.fail(tx::Errc::Io, message ? message : "Unknown error");
}
EMSCRIPTEN_KEEPALIVE void tx_download_progress(double done, double total) {
    if (g) g->model.set_download_progress(uint64_t(done), uint64_t(total));
}

// ---- bring your own transcripts: files opened or dropped in the page ----
// tx_import_begin(); tx_import_file(name, ptr, len) per file; tx_import_finish(). A bad file is
// recorded (tx_import_error) and skipped: the good ones still load.

// Start collecting files (drops any unfinished session).
EMSCRIPTEN_KEEPALIVE void tx_import_begin() {
    delete g_import;
    g_import = new ImportSession();
}
// Import one file: `len` bytes at `ptr` (malloc'd by JS; freed here). A bundle (.txb, or content
// starting with the bundle magic) gives all its episodes; anything else goes through
// import_transcript (.txt, .vtt, .srt, Whisper / Podcasting 2.0 .json, .html; format from the name, then the content),
// except a chapters file (import_if_chapters), kept for the transcript opened with it (tx_import_chapters).
// @return 1 if the file gave at least one episode or chapters, 0 on error (tx_import_last_error says why).
EMSCRIPTEN_KEEPALIVE int tx_import_file(const char* name, uint8_t* ptr, int len) {
    if (!g_import) tx_import_begin();
    const int file = g_import->files++;
    std::string n = name ? name : "file";
    auto fail = [&](const std::string& why) {
        g_import->last_error = why;
        g_import->errors.push_back(n + ": " + why);
        return 0;
    };
    if (!ptr || len < 0) { free(ptr); return fail("no data"); }
    tx::Bytes data(ptr, size_t(len));
    const bool bundle_ext = n.size() >= 4 && (n.compare(n.size() - 4, 4, ".txb") == 0 || n.compare(n.size() - 4, 4, ".TXB") == 0);
    auto as_bundle = tx::read_bundle(data);
    tx::ImportDesc desc;
    desc.name = n;
    int rc = 0;
    if (as_bundle) {
        auto eps = tx::decode_all(as_bundle.value());
        if (!eps) {
            rc = fail(eps.message());
        } else if (eps->empty()) {
            rc = fail("the bundle has no episodes");
        } else {
            for (auto& e : eps.value()) g_import->episodes.push_back(std::move(e));
            g_import->stems.resize(g_import->episodes.size());
            g_import->last_error.clear();
            rc = 1;
        }
    } else if (bundle_ext) {
        rc = fail(std::string("not a readable transcript bundle: ") + as_bundle.message());
    } else if (len == 0) {
        rc = fail("the file is empty");
    } else if (auto ch = tx::import_if_chapters(data, desc)) {  // as `transcript pack` reads it (docs/publish.md step 3)
        if (!ch->ok()) {  // else attached to its transcript by tx_import_chapters
            rc = fail(tx::without_file_name(ch->message(), n));
        } else {
            g_import->chapters.push_back({file, n, std::move(ch->value())});
            g_import->last_error.clear();
            rc = 1;
        }
    } else {
        auto ep = tx::import_transcript(data, desc);
        if (!ep) {
            rc = fail(tx::without_file_name(ep.message(), n));
        } else if (ep->words.empty()) {
            rc = fail("no words in this transcript");
        } else {
            g_import->episodes.push_back(std::move(ep.value()));
            g_import->stems.push_back(tx::chapters_stem(n));  // "ep.vtt" -> "ep"
            g_import->last_error.clear();
            rc = 1;
        }
    }
    free(ptr);
    return rc;
}
// @return the last file's error ("" if it loaded), valid until the next tx_import_* call.
EMSCRIPTEN_KEEPALIVE const char* tx_import_last_error() {
    return g_import ? g_import->last_error.c_str() : "";
}
EMSCRIPTEN_KEEPALIVE int tx_import_error_count() { return g_import ? int(g_import->errors.size()) : 0; }
// @return the i-th "name: reason" of this session, or "" when out of range.
EMSCRIPTEN_KEEPALIVE const char* tx_import_error(int i) {
    if (!g_import || i < 0 || size_t(i) >= g_import->errors.size()) return "";
    return g_import->errors[size_t(i)].c_str();
}
// Give each chapters file's chapters (in time order) to the episodes opened with it whose file
// has its stem (X.chapters.vtt, X.chapters.json, X.json -> X.vtt, X.srt, ...), as `transcript pack`
// does. @return a line "FILE\tMESSAGE" per chapters file with no such episode (FILE: its
// tx_import_file call, from 0), "" when every one found its transcript. Call before tx_import_finish.
EMSCRIPTEN_KEEPALIVE const char* tx_import_chapters() {
    if (!g_import) return "";
    std::string& out = g_import->orphans;
    out.clear();
    for (auto& cf : g_import->chapters) {
        const std::string owner = tx::chapters_stem(cf.name);
        tx::sort_chapters(cf.chapters);  // the bundle reader's sort, so no second one in the page
        bool attached = false;
        for (size_t e = 0; e < g_import->episodes.size(); ++e)
            if (g_import->stems[e] == owner) g_import->episodes[e].meta.chapters = cf.chapters, attached = true;
        if (attached) continue;
        std::string msg = "chapters for " + owner + ", but no transcript " + owner + ".* was opened with it";
        std::replace(msg.begin(), msg.end(), '\n', ' ');
        g_import->errors.push_back(cf.name + ": " + msg);
        out += std::to_string(cf.file) + "\t" + msg + "\n";
    }
    g_import->chapters.clear();
    return out.c_str();
}
// Hand the collected episodes to the model (replacing what it showed) and end the session.
// @return the number of episodes loaded; 0 leaves the model as it was (every file failed).
EMSCRIPTEN_KEEPALIVE int tx_import_finish() {
    if (!g || !g_import) return 0;
    int n = int(g_import->episodes.size());
    if (n > 0) {
        g->model.load_episodes(std::move(g_import->episodes));
        release_active_widget();
    }
    delete g_import;
    g_import = nullptr;
    return n;
}
// The loaded episodes with their titles and the current query's hits in each, as JSON:
// [{"title":"...","hits":3,"words":1200}, ...] (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* tx_episodes_json() {
    if (!g) return "[]";
    std::string& j = g->state;
    j = "[";
    for (uint32_t i = 0; i < g->model.episode_count(); ++i) {  // archives: from the directory
        if (i) j += ',';
        j += "{\"title\":\"";
        for (unsigned char c : g->model.episode_meta(i).title) {
            if (c == '"' || c == '\\') { j += '\\'; j += char(c); }
            else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); j += b; }
            else j += char(c);
        }
        j += "\",\"hits\":" + std::to_string(g->model.hits_in_episode(uint32_t(i))) +
             ",\"words\":" + std::to_string(g->model.episode_words(i)) + "}";
    }
    j += "]";
    return j.c_str();
}

// Would a wheel event at (x, y) (CSS px from the canvas's top-left) with DOM deltas (dx, dy)
// (dy > 0 scrolls down) scroll a pane of the explorer? @return 1 if ImGui would move some window's
// scroll position, 0 if the wheel would do nothing here (so an embedding page may scroll instead).
// The loader calls this from its own capturing 'wheel' listener before SDL sees the event: SDL's
// Emscripten wheel handler always calls preventDefault(), which would freeze the page under the
// pointer. This mirrors ImGui 1.86's FindHoveredWindow() (topmost active window containing the
// point) and UpdateMouseWheel() (walk up through child windows that cannot scroll or refuse the
// wheel). Widgets that read io.MouseWheel themselves (the timeline's zoom) live in the root window,
// which has NoScrollWithMouse, so over them the wheel goes to the page.
EMSCRIPTEN_KEEPALIVE int tx_wheel_would_scroll(double x, double y, double dx, double dy) {
    if (!g || !ImGui::GetCurrentContext()) return 0;
    const bool vertical = std::fabs(dy) >= std::fabs(dx);
    const double d = vertical ? dy : dx;
    if (d == 0) return 0;
    return wheel_window(ImVec2{float(x), float(y)}, vertical, d > 0) ? 1 : 0;
}

}  // extern "C"

int main() {
    g = new Platform();
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");  // keys only while the canvas has focus
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::printf("SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double css_w = 800, css_h = 600;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    g->window = SDL_CreateWindow("Transcript Explorer", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                 int(css_w), int(css_h),
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g->window) {
        std::printf("SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    g->gl = SDL_GL_CreateContext(g->window);
    if (!g->gl) {
        std::printf("WebGL2 context failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g->window, g->gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
    g->keys.f3 = SDL_SCANCODE_F3;
    g->keys.f = SDL_SCANCODE_F;
    g->keys.c = SDL_SCANCODE_C;
    g->keys.equals = SDL_SCANCODE_EQUALS;
    g->keys.minus = SDL_SCANCODE_MINUS;
    g->keys.slash = SDL_SCANCODE_SLASH;
    g->keys.zero = SDL_SCANCODE_0;
    g->keys.keypad_zero = SDL_SCANCODE_KP_0;
    ImGui_ImplSDL2_InitForOpenGL(g->window, g->gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // Ctrl+C / Ctrl+X in a text box: SDL's clipboard does not reach the page's, so the text goes
    // where "Copy quote" sends it (Ctrl+V comes the other way: tx_paste_text)
    ImGui::GetIO().SetClipboardTextFn = [](void*, const char* text) { if (text) js_copy(text); };

    g->main_done_ms = emscripten_get_now();
    EM_ASM({ if (Module.onExplorerReady) Module.onExplorerReady(); });
    emscripten_set_main_loop(frame, 0, 0);
    return 0;
}
