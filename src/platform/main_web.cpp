// main_web.cpp: the browser entry point. SDL2 + WebGL2 + Dear ImGui, the main loop, and the
// extern "C" tx_* functions that web/explorer-loader.js calls. Platform code lives only here.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <GLES3/gl3.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/app.h"

extern "C" const unsigned char tx_ui_font[];
extern "C" const size_t tx_ui_font_size;

namespace {

constexpr float kBodyPx = 17.f;  // CSS pixels at font scale 1
constexpr float kSmallPx = 13.5f;
constexpr float kLargePx = 22.f;

void js_copy(const std::string& text) {
    EM_ASM({ if (Module.onExplorerCopy) Module.onExplorerCopy(UTF8ToString($0)); }, text.c_str());
}
void js_open(const std::string& url) {
    EM_ASM({ if (Module.onExplorerOpen) Module.onExplorerOpen(UTF8ToString($0)); }, url.c_str());
}
struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float font_dpr = 0.f, font_scale = 0.f;
    bool style_dark = false, style_set = false;
    tx::AppFonts fonts;
    tx::AppKeys keys;
    tx::AppModel model;
    tx::App app{model, tx::AppHost{js_copy, js_open, std::string()}};
    std::string state;       // storage for tx_state_json's return value
    uint64_t drawn_rev = 0;  // model revision last drawn
    uint64_t notified_rev = 0;
    int frames_to_draw = 3;
    uint64_t frames = 0;     // frames actually rendered (the idle test reads it)
    double longest_frame_ms = 0;
};
Platform* g = nullptr;

// (Re)build the font atlas at the current devicePixelRatio and font scale so text is crisp on
// HiDPI screens: glyphs are rasterised at px*dpr and drawn at 1/dpr scale.
void build_fonts(float dpr, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = dpr >= 2 ? 1 : 2;
    cfg.OversampleV = 1;
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x203A, 0x2190, 0x2193,
                                     0x2212, 0x2212, 0x2248, 0x2248, 0x25B2, 0x25BC, 0};
    void* data = const_cast<unsigned char*>(tx_ui_font);
    int size = int(tx_ui_font_size);
    g->fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(kBodyPx * scale * dpr), &cfg, ranges);
    g->fonts.small = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(kSmallPx * scale * dpr), &cfg, ranges);
    g->fonts.large = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(kLargePx * scale * dpr), &cfg, ranges);
    io.FontGlobalScale = 1.f / dpr;
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g->font_dpr = dpr;
    g->font_scale = scale;
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
        c[ImGuiCol_PopupBg] = ImVec4(0.15f, 0.16f, 0.17f, 0.98f);
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.98f, 0.97f, 1);
        c[ImGuiCol_Text] = ImVec4(0.11f, 0.11f, 0.13f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.42f, 0.45f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.915f, 0.90f, 1);
        c[ImGuiCol_PopupBg] = ImVec4(1, 1, 0.995f, 0.98f);
        c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.98f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.88f, 0.92f, 0.98f, 1);
    }
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    g->style_dark = dark;
    g->style_set = true;
}

void frame() {
    double t0 = emscripten_get_now();
    float dpr = float(emscripten_get_device_pixel_ratio());
    bool events = false;
    // ImGui 1.86 has no input queue: a key that goes down and up within one frame would never be
    // seen as pressed. Such key-ups are held back to the next frame.
    static std::vector<SDL_Event> deferred;
    std::vector<SDL_Event> held = std::move(deferred);
    deferred.clear();
    for (SDL_Event& e : held) { ImGui_ImplSDL2_ProcessEvent(&e); events = true; }
    SDL_Scancode down_this_frame[16];
    int n_down = 0;
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        events = true;
        if (ev.type == SDL_KEYDOWN && n_down < 16) down_this_frame[n_down++] = ev.key.keysym.scancode;
        if (ev.type == SDL_KEYUP) {
            bool same = false;
            for (int i = 0; i < n_down; ++i) same |= down_this_frame[i] == ev.key.keysym.scancode;
            if (same) { deferred.push_back(ev); continue; }
        }
        if (ev.type == SDL_FINGERMOTION) {  // touch drag scrolls like a wheel
            int w = 0, h = 0;
            SDL_GetWindowSize(g->window, &w, &h);
            ImGui::GetIO().MouseWheel += ev.tfinger.dy * float(h) / (ImGui::GetFontSize() * 5.f);
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&ev);
    }
    if (events || !deferred.empty()) g->frames_to_draw = std::max(g->frames_to_draw, 3);
    if (g->model.revision() != g->drawn_rev) g->frames_to_draw = std::max(g->frames_to_draw, 2);
    if (dpr != g->font_dpr || g->app.font_scale() != g->font_scale || g->app.dark() != g->style_dark)
        g->frames_to_draw = std::max(g->frames_to_draw, 2);
    if (g->frames_to_draw <= 0) return;  // idle: nothing changed, draw nothing
    --g->frames_to_draw;

    if (dpr != g->font_dpr || g->app.font_scale() != g->font_scale) build_fonts(dpr, g->app.font_scale());
    if (!g->style_set || g->app.dark() != g->style_dark) apply_style(g->app.dark());

    g->drawn_rev = g->model.revision();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.f) io.DeltaTime = 1.f / 60.f;  // headless virtual time can repeat timestamps
    ImGui::NewFrame();
    g->app.frame(g->fonts, g->keys);
    ImGui::Render();
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
    double dt = emscripten_get_now() - t0;
    if (dt > g->longest_frame_ms) g->longest_frame_ms = dt;
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
    auto st = g->model.load_bundle(tx::Bytes(ptr, size_t(len)));
    free(ptr);
    return st.ok() ? 1 : 0;
}

// The model's state as JSON (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* tx_state_json() {
    if (!g) return "{\"ready\":false,\"phase\":\"starting\"}";
    g->state = g->model.state_json();
    g->state.pop_back();
    g->state += ",\"frames\":" + std::to_string(g->frames) + ",\"longestFrameMs\":" + std::to_string(g->longest_frame_ms) +
                ",\"typing\":" + (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? "true" : "false") +
                ",\"dark\":" + (g->app.dark() ? "true" : "false") + ",\"fontScale\":" + std::to_string(g->app.font_scale()) +
                ",\"heapBytes\":" + std::to_string(uint64_t(__builtin_wasm_memory_size(0)) * 65536u);  // WASM memory (soak test)
    const float* r = g->app.timeline_rect();
    g->state += ",\"timeline\":[" + std::to_string(r[0]) + "," + std::to_string(r[1]) + "," + std::to_string(r[2]) + "," +
                std::to_string(r[3]) + "]}";
    return g->state.c_str();
}

EMSCRIPTEN_KEEPALIVE void tx_set_query(const char* q) {
    if (g && q) g->model.set_query(q);
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
    if (g && hash) g->model.apply_deep_link(hash);
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
// The container was resized to cssW x cssH CSS pixels.
EMSCRIPTEN_KEEPALIVE void tx_resize(int css_w, int css_h) {
    if (g && g->window && css_w > 0 && css_h > 0) {
        SDL_SetWindowSize(g->window, css_w, css_h);
        g->frames_to_draw = std::max(g->frames_to_draw, 2);
    }
}
// Something outside SDL's events needs a redraw (focus change, visibility).
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
    ImGui_ImplSDL2_InitForOpenGL(g->window, g->gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    EM_ASM({ if (Module.onExplorerReady) Module.onExplorerReady(); });
    emscripten_set_main_loop(frame, 0, 0);
    return 0;
}
