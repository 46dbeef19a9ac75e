#include "render/headless_context.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include "render/gl_objects.hpp"

namespace bl::render {

struct HeadlessContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    EGLSurface surface = EGL_NO_SURFACE;
};

namespace {

EGLContext createContext(EGLDisplay d, EGLConfig cfg) {
    const EGLint attrs[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    return eglCreateContext(d, cfg, EGL_NO_CONTEXT, attrs);
}

}  // namespace

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
    std::unique_ptr<HeadlessContext> c(new HeadlessContext);
    c->m = std::make_unique<Impl>();
    Impl& m = *c->m;
    const char* clientExt = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    const bool surfaceless =
        clientExt && std::string(clientExt).find("EGL_MESA_platform_surfaceless") != std::string::npos;
    if (surfaceless) m.display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    EGLint major = 0, minor = 0;
    if (m.display == EGL_NO_DISPLAY || !eglInitialize(m.display, &major, &minor)) {
        m.display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
        if (m.display == EGL_NO_DISPLAY || !eglInitialize(m.display, &major, &minor))
            return makeError("no headless OpenGL: EGL found no display (install libegl-mesa0 and libgl1-mesa-dri)");
    }
    if (!eglBindAPI(EGL_OPENGL_API)) return makeError("no headless OpenGL: this EGL has no desktop OpenGL");
    const EGLint cfgAttrs[] = {EGL_SURFACE_TYPE,
                               EGL_PBUFFER_BIT,
                               EGL_RENDERABLE_TYPE,
                               EGL_OPENGL_BIT,
                               EGL_RED_SIZE,
                               8,
                               EGL_GREEN_SIZE,
                               8,
                               EGL_BLUE_SIZE,
                               8,
                               EGL_NONE};
    EGLConfig cfg = nullptr;
    EGLint n = 0;
    if (!eglChooseConfig(m.display, cfgAttrs, &cfg, 1, &n) || n == 0) {
        const EGLint anyAttrs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
        if (!eglChooseConfig(m.display, anyAttrs, &cfg, 1, &n) || n == 0)
            return makeError("no headless OpenGL: EGL offers no OpenGL configuration");
    }
    m.context = createContext(m.display, cfg);
    if (m.context == EGL_NO_CONTEXT)
        return makeError("no headless OpenGL: cannot create an OpenGL 3.3 core context through EGL");
    if (!eglMakeCurrent(m.display, EGL_NO_SURFACE, EGL_NO_SURFACE, m.context)) {
        const EGLint pbAttrs[] = {EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE};
        m.surface = eglCreatePbufferSurface(m.display, cfg, pbAttrs);
        if (m.surface == EGL_NO_SURFACE || !eglMakeCurrent(m.display, m.surface, m.surface, m.context))
            return makeError("no headless OpenGL: cannot make the EGL context current");
    }
    keepGlDriverLoaded();
    return c;
}

HeadlessContext::~HeadlessContext() {
    if (!m || m->display == EGL_NO_DISPLAY) return;
    eglMakeCurrent(m->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (m->surface != EGL_NO_SURFACE) eglDestroySurface(m->display, m->surface);
    if (m->context != EGL_NO_CONTEXT) eglDestroyContext(m->display, m->context);
    eglTerminate(m->display);
}

void HeadlessContext::makeCurrent() { eglMakeCurrent(m->display, m->surface, m->surface, m->context); }

std::string HeadlessContext::rendererName() const {
    const auto* s = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return s ? s : "unknown";
}

}  // namespace bl::render
