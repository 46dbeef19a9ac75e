#pragma once
// Owning wrappers of OpenGL object names. All of them require the GL context
// they were created in to be current when they are created, used and
// destroyed (the renderer's thread).
#include <epoxy/gl.h>

#include <string>
#include <utility>

#include "core/result.hpp"

namespace bl::render {

template <void (*Delete)(GLuint)>
class GlName {
public:
    GlName() = default;
    explicit GlName(GLuint id) : m_id(id) {}
    ~GlName() { reset(); }
    GlName(GlName&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    GlName& operator=(GlName&& o) noexcept {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    GlName(const GlName&) = delete;
    GlName& operator=(const GlName&) = delete;
    GLuint id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset() {
        if (m_id) Delete(m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteTexture(GLuint id);
void deleteProgram(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteRenderbuffer(GLuint id);

using Buffer = GlName<deleteBuffer>;
using VertexArray = GlName<deleteVertexArray>;
using Texture = GlName<deleteTexture>;
using Program = GlName<deleteProgram>;
using FramebufferName = GlName<deleteFramebuffer>;
using Renderbuffer = GlName<deleteRenderbuffer>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();

// Compiles and links shaders/<vertex> and shaders/<fragment>; the error
// carries the GLSL log.
Result<Program> makeProgram(const char* vertexFile, const char* fragmentFile);

// Pins the OpenGL driver libraries (Mesa's *_dri.so) already loaded in the
// process, so that tearing down a context does not unload them. Call after a
// context is created. Why: LeakSanitizer cannot attribute (nor suppress) the
// driver's few leaked bytes once the driver is unloaded, which failed the
// sanitizer CI job; the driver stays loaded until exit in any case.
void keepGlDriverLoaded();

// Where the renderer draws: a framebuffer object (0 = the window's default
// framebuffer) and its size in pixels.
// Where a frame goes: a framebuffer and, within it, the viewport (x, y its
// bottom-left corner in GL's convention; 0, 0 for a whole offscreen buffer,
// the map's rectangle between the panels for the window).
struct RenderTarget {
    GLuint framebuffer = 0;
    int width = 0;
    int height = 0;
    int x = 0, y = 0;
};

}  // namespace bl::render
