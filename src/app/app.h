// app.h: the explorer's ImGui views. Draws the AppModel; never owns platform state.
#pragma once
#include "app/model/app_model.h"

struct ImFont;

namespace tx {

struct AppFonts {
    ImFont* body = nullptr;   // reading text
    ImFont* large = nullptr;  // headings
};

class App {
public:
    explicit App(AppModel& model) : m_model(model) {}
    // Draw one frame of UI covering the whole display. Call between ImGui::NewFrame and Render.
    void frame(const AppFonts& fonts);

private:
    void draw_loading();
    void draw_error();
    void draw_ready(const AppFonts& fonts);
    AppModel& m_model;
};

}  // namespace tx
