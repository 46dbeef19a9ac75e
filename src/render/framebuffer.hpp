#pragma once
// An offscreen colour framebuffer, multisampled when samples > 1 (the map
// renderer antialiases its lines itself, so 1 is the default),
// that the renderer draws into and that can be read back as an image. Needs a
// current GL context (see HeadlessContext).
#include "core/result.hpp"
#include "io/png_image.hpp"
#include "render/gl_objects.hpp"

namespace bl::render {

class Framebuffer {
public:
    static Result<Framebuffer> create(int width, int height, int samples = 1);

    RenderTarget target() const { return {m_fbo.id(), m_width, m_height}; }
    // Resolves the multisampled image and reads it back, rows top to bottom.
    io::RgbaImage read() const;

private:
    int m_width = 0, m_height = 0, m_samples = 1;
    FramebufferName m_fbo, m_resolve;
    Renderbuffer m_colour, m_stencil, m_resolveColour;
};

// Reads the currently bound read framebuffer (e.g. a window's back buffer),
// rows top to bottom.
io::RgbaImage readPixels(GLuint framebuffer, int width, int height);

}  // namespace bl::render
