#include "app/viewer.hpp"

#include <epoxy/gl.h>
// GLFW after epoxy: epoxy provides the GL declarations.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

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

void shutdownImGui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

// The window's loop: events, one frame of the app, the map, the panels. It
// sleeps while nothing changes: after the frames that settle an input, it
// waits for the next event (input, a level of detail prepared in the
// background, which posts one) or, while a job runs, for its progress at
// ten frames a second. In screenshot mode, once everything is shown (every
// level of detail prepared) for `frames` frames, the window is saved and
// the loop ends. Closing the window ends it at once: the app's jobs are
// asked to stop and joined as it goes.
int runLoop(GLFWwindow* window, const ViewerOptions& opt, const render::FontSet& fonts, render::MapRenderer& renderer) {
    const bool screenshot = !opt.screenshot.empty();
    ViewerApp app(opt, fonts);
    std::shared_ptr<const engine::MapData> uploaded;
    renderer.setBackgroundPreparation([] { glfwPostEmptyEvent(); });
    constexpr int kSettleFrames = 3;  // ImGui takes a frame or two to act on an input
    int framesShown = 0, settle = kSettleFrames;
    bool wasWaiting = false;
    while (!glfwWindowShouldClose(window)) {
        // Waiting for a job or a level of detail: a few frames a second show
        // its progress (a prepared level posts an event and wakes us at once).
        const bool waiting = app.busy() || renderer.lastStats().levelsMissing > 0;
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
        const FrameSize size = frameSize(window);
        if (size.fbWidth <= 0 || size.fbHeight <= 0) {
            glfwWaitEvents();
            continue;
        }
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
        renderer.draw({0, size.fbWidth, size.fbHeight}, app.camera(), app.scene());
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
    }
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

    auto fonts = render::loadFonts(1.0f);
    if (!fonts) {
        std::fprintf(stderr, "borderlens view: %s\n", fonts.error().message.c_str());
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.FontDefault = ui::addPanelFont(*io.Fonts, fonts->regularFile, 16.0f, fonts->symbolFile);
    if (!io.FontDefault) {
        std::fprintf(stderr, "borderlens view: Dear ImGui cannot read the font %s\n", fonts->regularFile.c_str());
        ImGui::DestroyContext();
        return 1;
    }
    ImGui::StyleColorsDark();
    ImGui::GetStyle().WindowRounding = 4.0f;
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330");

    auto renderer = render::MapRenderer::create(*fonts);
    if (!renderer) {
        std::fprintf(stderr, "borderlens view: %s\n", renderer.error().message.c_str());
        shutdownImGui();
        return 1;
    }
    const int exitCode = runLoop(window.get(), opt, *fonts, **renderer);
    shutdownImGui();
    renderer->reset();
    return exitCode;
}

}  // namespace bl::app

