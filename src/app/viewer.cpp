#include "app/viewer.hpp"

#include <epoxy/gl.h>
// GLFW after epoxy: epoxy provides the GL declarations.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <variant>
#include <vector>

#include "app/viewer_app.hpp"
#include "io/png_image.hpp"
#include "render/fonts.hpp"
#include "render/framebuffer.hpp"
#include "render/map_renderer.hpp"
#include "ui/panel_fonts.hpp"

namespace bl::app {

const char* noDisplayMessage() {
    return "borderlens view: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset or unreachable).\n"
           "Run it under a virtual X server, e.g.  xvfb-run -a -s \"-screen 0 1600x1000x24\" borderlens view\n"
           "or make images without any display with  borderlens export  (headless, through EGL).";
}

namespace {

struct GlfwSession {
    bool ok = false;
    GlfwSession() { ok = glfwInit() == GLFW_TRUE; }
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const {
        if (w) glfwDestroyWindow(w);
    }
};

FrameSize frameSize(GLFWwindow* w) {
    FrameSize f;
    glfwGetFramebufferSize(w, &f.fbWidth, &f.fbHeight);
    glfwGetWindowSize(w, &f.winWidth, &f.winHeight);
    f.pxPerPoint = f.winWidth > 0 ? double(f.fbWidth) / f.winWidth : 1.0;
    return f;
}

// The UI's scale: framebuffer pixels per pixel of a 96-dpi screen (the
// monitor's content scale, or --ui-scale) and the frame's pixels per ImGui
// point. `pixels` sizes the map's lines and labels (MapStyle::scale, the
// FontSet) and the panel font, rasterised at full size; ImGui lays out in
// points, so its sizes scale by pixels / pxPerPoint and its font is drawn at
// 1 / pxPerPoint (sharp where the framebuffer is denser than the window).
struct UiScale {
    float pixels = 1.0f;
    double pxPerPoint = 1.0;
    float points() const { return float(pixels / pxPerPoint); }
    bool operator==(const UiScale&) const = default;
};

UiScale wantedScale(GLFWwindow* w, const ViewerOptions& opt, double pxPerPoint) {
    if (opt.uiScale > 0) return {opt.uiScale, pxPerPoint};
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(w, &x, &y);
    if (!(x > 0)) x = 1.0f;
    return {std::clamp(x, ViewerOptions::kMinUiScale, ViewerOptions::kMaxUiScale), pxPerPoint};
}

// What the UI scale sizes: the map's label fonts, the renderer holding their
// atlas, ImGui's panel font and style. The font set keeps its address when
// rebuilt, so the app's reference to it stays valid; the renderer is new.
struct ScaledUi {
    UiScale scale;
    render::FontSet fonts;
    std::unique_ptr<render::MapRenderer> renderer;
};

// ImGui's font atlas and style at `scale`; the style is made afresh, so
// rescaling never compounds. With `remakeTexture`, the backend's font
// texture too (once a first frame has made one).
bool applyPanelScale(const render::FontSet& fonts, UiScale scale, bool remakeTexture) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.FontDefault = ui::addPanelFont(*io.Fonts, fonts, std::round(16.0f * scale.pixels));
    if (!io.FontDefault) return false;
    io.FontGlobalScale = float(1.0 / scale.pxPerPoint);
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 4.0f;
    style.ScaleAllSizes(scale.points());
    ImGui::GetStyle() = style;
    if (remakeTexture) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    return true;
}

// (Re)builds everything of `ui` at `scale`, between frames; the error is one
// sentence for the user.
Result<std::monostate> applyScale(ScaledUi& ui, UiScale scale, bool remakeTexture) {
    auto fonts = render::loadFonts(scale.pixels);
    if (!fonts) return fonts.error();
    ui.renderer.reset();
    ui.fonts = std::move(*fonts);
    ui.scale = scale;
    if (!applyPanelScale(ui.fonts, scale, remakeTexture))
        return makeError("Dear ImGui cannot read the font " + ui.fonts.regularFile);
    auto renderer = render::MapRenderer::create(ui.fonts);
    if (!renderer) return renderer.error();
    ui.renderer = std::move(*renderer);
    ui.renderer->setBackgroundPreparation([] { glfwPostEmptyEvent(); });
    return std::monostate{};
}

void shutdownImGui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

// Dear ImGui 1.86 sees a key as held or not at each frame, so a key pressed
// and released within one batch of events (a quick tap while the loop
// slept or drew) would never be seen as pressed. Releases of keys pressed in
// the same batch are held back to the next frame. The queue hangs off the
// window's user pointer (the GLFW backend keeps its own data elsewhere).
struct KeyQueue {
    struct Event {
        int key, scancode, action, mods;
    };
    std::vector<Event> heldBack;
    std::vector<int> pressed;  // in this batch
};

void keyCallback(GLFWwindow* w, int key, int scancode, int action, int mods) {
    auto* q = static_cast<KeyQueue*>(glfwGetWindowUserPointer(w));
    if (q && action == GLFW_RELEASE && std::find(q->pressed.begin(), q->pressed.end(), key) != q->pressed.end()) {
        q->heldBack.push_back({key, scancode, action, mods});
        return;
    }
    if (q && action == GLFW_PRESS) q->pressed.push_back(key);
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

// Before the next batch: the releases held back are given to ImGui now.
void releaseHeldKeys(GLFWwindow* w, KeyQueue& q) {
    const std::vector<KeyQueue::Event> events = std::move(q.heldBack);
    q.heldBack.clear();
    q.pressed.clear();
    for (const auto& e : events) ImGui_ImplGlfw_KeyCallback(w, e.key, e.scancode, e.action, e.mods);
}

// The window's loop: events, one frame of the app, the map, the panels. It
// sleeps while nothing changes: after the frames that settle an input, it
// waits for the next event (input, a level of detail prepared in the
// background, which posts one) or, while a job runs, for its progress at
// ten frames a second. In screenshot mode, once everything is shown (every
// level of detail prepared) for `frames` frames, the window is saved and
// the loop ends. Closing the window ends it at once: the app's jobs are
// asked to stop and joined as it goes.
int runLoop(GLFWwindow* window, const ViewerOptions& opt, ScaledUi& ui) {
    const bool screenshot = !opt.screenshot.empty();
    ViewerApp app(opt, ui.fonts);
    std::shared_ptr<const engine::MapData> uploaded;
    constexpr int kSettleFrames = 3;  // ImGui takes a frame or two to act on an input
    int framesShown = 0, settle = kSettleFrames;
    bool wasWaiting = false;
    KeyQueue keys;
    glfwSetWindowUserPointer(window, &keys);
    glfwSetKeyCallback(window, keyCallback);
    while (!glfwWindowShouldClose(window)) {
        releaseHeldKeys(window, keys);
        // Waiting for a job or a level of detail: a few frames a second show
        // its progress (a prepared level posts an event and wakes us at once).
        const bool waiting = app.busy() || ui.renderer->lastStats().levelsMissing > 0;
        if (wasWaiting && !waiting) settle = kSettleFrames;  // a job or a level just ended: show it
        wasWaiting = waiting;
        if (settle > 0) {
            glfwPollEvents();
        } else if (waiting) {
            glfwWaitEventsTimeout(screenshot ? 0.03 : 0.1);
            settle = 1;
        } else if (screenshot) {
            glfwPollEvents();
        } else {
            glfwWaitEvents();
            settle = kSettleFrames;
        }
        --settle;
        FrameSize size = frameSize(window);
        if (size.fbWidth <= 0 || size.fbHeight <= 0) {
            glfwWaitEvents();
            continue;
        }
        // On a monitor of another scale now: rebuilt between frames.
        if (const UiScale want = wantedScale(window, opt, size.pxPerPoint); !(want == ui.scale)) {
            if (auto r = applyScale(ui, want, true); !r) {
                std::fprintf(stderr, "borderlens view: %s\n", r.error().message.c_str());
                return 1;
            }
            uploaded = nullptr;
        }
        size.uiScale = ui.scale.pixels;
        render::MapRenderer& renderer = *ui.renderer;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const bool go = app.frame(size);
        ImGui::Render();
        if (!go) break;
        if (app.data() && app.data() != uploaded) {
            uploaded = app.data();
            renderer.setData(uploaded->dataset, uploaded->geometry);
        }
        // The map in its rectangle between the panels; the rest cleared for them.
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, size.fbWidth, size.fbHeight);
        glClearColor(0.1f, 0.1f, 0.11f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        if (app.data()) renderer.draw(app.mapTarget(), app.camera(), app.scene());
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        // Screenshots wait for adjacency and every level drawn, so the
        // Inspector, overlays and outlines are complete.
        if (app.data() && (!screenshot || (app.complete() && renderer.lastStats().levelsMissing == 0))) ++framesShown;
        if (screenshot && framesShown >= std::max(1, opt.frames)) {
            glFinish();
            const io::RgbaImage img = render::readPixels(0, size.fbWidth, size.fbHeight);
            if (auto w = io::writePng(opt.screenshot, img); !w) {
                std::fprintf(stderr, "borderlens view: %s\n", w.error().message.c_str());
                return 1;
            }
            return app.exitCode();
        }
        glfwSwapBuffers(window);
        // A panel asked for something in this frame (select, fly, switch
        // tab): the frame that does it comes before the loop sleeps.
        if (app.pendingRequests()) settle = std::max(settle, 1);
        if (app.quitRequested()) glfwSetWindowShouldClose(window, GLFW_TRUE);
    }
    glfwSetKeyCallback(window, ImGui_ImplGlfw_KeyCallback);
    glfwSetWindowUserPointer(window, nullptr);
    app.saveSettings();
    // Closed while loading: the loading and adjacency jobs only read, so one
    // that cannot stop at once (GDAL parsing a large file) is not waited for.
    if (!app.stopJobs(std::chrono::milliseconds(150))) {
        std::fflush(nullptr);
        std::_Exit(app.exitCode());
    }
    return app.exitCode();
}

}  // namespace

// Sets up the window, GL, fonts, ImGui and the renderer; each failure is
// one message and exit code 1.
int runViewer(const ViewerOptions& opt) {
    const char* x = std::getenv("DISPLAY");
    const char* wl = std::getenv("WAYLAND_DISPLAY");
    if ((!x || !*x) && (!wl || !*wl)) {
        std::fprintf(stderr, "%s\n", noDisplayMessage());
        return 1;
    }
    glfwSetErrorCallback([](int, const char*) {});
    GlfwSession glfw;
    if (!glfw.ok) {
        std::fprintf(stderr, "%s\n", noDisplayMessage());
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // The renderer antialiases lines in its shaders and needs no depth; a
    // stencil, for fills drawn stencil-then-cover.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 8);  // fills are drawn stencil-then-cover
    const bool screenshot = !opt.screenshot.empty();
    if (screenshot) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    std::unique_ptr<GLFWwindow, WindowDeleter> window(
        glfwCreateWindow(opt.width, opt.height, "borderlens — Vietnam–Laos border", nullptr, nullptr));
    if (!window) {
        std::fprintf(stderr, "borderlens view: cannot create an OpenGL 3.3 core window on this display.\n%s\n",
                     noDisplayMessage());
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    render::keepGlDriverLoaded();
    glfwSwapInterval(screenshot ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330");

    // Fonts, ImGui's sizes and the renderer at the monitor's scale (or
    // --ui-scale). A move to a monitor of another scale wakes the loop,
    // which rebuilds them before its next frame.
    ScaledUi ui;
    if (auto r = applyScale(ui, wantedScale(window.get(), opt, frameSize(window.get()).pxPerPoint), false); !r) {
        std::fprintf(stderr, "borderlens view: %s\n", r.error().message.c_str());
        shutdownImGui();
        return 1;
    }
    if (!ui.fonts.warning.empty()) std::fprintf(stderr, "borderlens view: %s\n", ui.fonts.warning.c_str());
    glfwSetWindowContentScaleCallback(window.get(), [](GLFWwindow*, float, float) { glfwPostEmptyEvent(); });
    const int exitCode = runLoop(window.get(), opt, ui);
    shutdownImGui();
    ui.renderer.reset();
    return exitCode;
}

}  // namespace bl::app

