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

#include "app/app.h"

extern "C" const unsigned char tx_ui_font[];
extern "C" const size_t tx_ui_font_size;

namespace {

constexpr float kBodyPx = 17.f;   // CSS pixels
constexpr float kLargePx = 24.f;

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float font_dpr = 0.f;  // devicePixelRatio the font atlas was rasterised for
    tx::AppFonts fonts;
    tx::AppModel model;
    tx::App app{model};
    std::string state;  // storage for tx_state_json's return value
};
Platform* g = nullptr;

// (Re)build the font atlas at the current devicePixelRatio so text is crisp on HiDPI screens:
// glyphs are rasterised at px*dpr and drawn at 1/dpr scale.
void build_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x203A, 0x2190, 0x2193,
                                     0x2212, 0x2212, 0x2248, 0x2248, 0x25B2, 0x25BC, 0};
    void* data = const_cast<unsigned char*>(tx_ui_font);
    int size = int(tx_ui_font_size);
    g->fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(kBodyPx * dpr), &cfg, ranges);
    g->fonts.large = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(kLargePx * dpr), &cfg, ranges);
    io.FontGlobalScale = 1.f / dpr;
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g->font_dpr = dpr;
}

void frame() {
    float dpr = float(emscripten_get_device_pixel_ratio());
    if (dpr != g->font_dpr) build_fonts(dpr);

    SDL_Event ev;
    while (SDL_PollEvent(&ev)) ImGui_ImplSDL2_ProcessEvent(&ev);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.f) io.DeltaTime = 1.f / 60.f;  // headless virtual time can repeat timestamps
    ImGui::NewFrame();
    g->app.frame(g->fonts);
    ImGui::Render();

    int fw = 0, fh = 0;
    SDL_GL_GetDrawableSize(g->window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void apply_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = ImVec2(16, 14);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 8);
    s.FrameRounding = 4;
    s.ScrollbarSize = 12;
    s.Colors[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.98f, 0.97f, 1);
    s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    s.Colors[ImGuiCol_Text] = ImVec4(0.12f, 0.12f, 0.14f, 1);
}

}  // namespace

extern "C" {

// Copy of `len` bytes at `ptr` (malloc'd by JS; this function frees it). @return 1 on success, 0 on error.
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
    return g->state.c_str();
}

EMSCRIPTEN_KEEPALIVE void tx_set_query(const char* q) {
    if (g && q) g->model.set_query(q);
}

// The container was resized to cssW x cssH CSS pixels.
EMSCRIPTEN_KEEPALIVE void tx_resize(int css_w, int css_h) {
    if (g && g->window && css_w > 0 && css_h > 0) SDL_SetWindowSize(g->window, css_w, css_h);
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
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    apply_style();
    ImGui_ImplSDL2_InitForOpenGL(g->window, g->gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    EM_ASM({ if (Module.onExplorerReady) Module.onExplorerReady(); });
    emscripten_set_main_loop(frame, 0, 0);
    return 0;
}
