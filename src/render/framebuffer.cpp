#include "render/framebuffer.hpp"

#include <algorithm>
#include <string>

namespace bl::render {

namespace {
Renderbuffer makeRenderbuffer(GLenum format, int w, int h, int samples) {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    glBindRenderbuffer(GL_RENDERBUFFER, id);
    if (samples > 1)
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, w, h);
    else
        glRenderbufferStorage(GL_RENDERBUFFER, format, w, h);
    return Renderbuffer(id);
}
FramebufferName makeFbo() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return FramebufferName(id);
}
}  // namespace

Result<Framebuffer> Framebuffer::create(int width, int height, int samples) {
    GLint maxSize = 0, maxSamples = 1;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    if (width <= 0 || height <= 0 || width > maxSize || height > maxSize)
        return makeError("framebuffer " + std::to_string(width) + "x" + std::to_string(height) +
                         " is outside what this OpenGL allows (1.." + std::to_string(maxSize) + " per side)");
    Framebuffer f;
    f.m_width = width;
    f.m_height = height;
    f.m_samples = std::clamp(samples, 1, int(maxSamples));
    f.m_fbo = makeFbo();
    f.m_colour = makeRenderbuffer(GL_RGBA8, width, height, f.m_samples);
    glBindFramebuffer(GL_FRAMEBUFFER, f.m_fbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, f.m_colour.id());
    // A stencil for fills (stencil-then-cover): one byte per pixel where the
    // driver takes a stencil alone, else packed with a depth it never uses.
    f.m_stencil = makeRenderbuffer(GL_STENCIL_INDEX8, width, height, f.m_samples);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, f.m_stencil.id());
    if (glGetError() != GL_NO_ERROR || glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, 0);
        f.m_stencil = makeRenderbuffer(GL_DEPTH24_STENCIL8, width, height, f.m_samples);
        glBindFramebuffer(GL_FRAMEBUFFER, f.m_fbo.id());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, f.m_stencil.id());
    }
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        return makeError("offscreen framebuffer is incomplete on this OpenGL");
    if (f.m_samples > 1) {
        f.m_resolve = makeFbo();
        f.m_resolveColour = makeRenderbuffer(GL_RGBA8, width, height, 1);
        glBindFramebuffer(GL_FRAMEBUFFER, f.m_resolve.id());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, f.m_resolveColour.id());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return f;
}

io::RgbaImage readPixels(GLuint framebuffer, int width, int height) {
    io::RgbaImage img;
    img.width = width;
    img.height = height;
    img.pixels.resize(size_t(width) * height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
    if (framebuffer == 0) glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.pixels.data());
    // GL rows go bottom to top; images top to bottom.
    const size_t row = size_t(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(img.pixels.begin() + y * row, img.pixels.begin() + (y + 1) * row,
                         img.pixels.begin() + (height - 1 - y) * row);
    for (size_t i = 3; i < img.pixels.size(); i += 4) img.pixels[i] = 255;
    return img;
}

io::RgbaImage Framebuffer::read() const {
    GLuint from = m_fbo.id();
    if (m_samples > 1) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_resolve.id());
        glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        from = m_resolve.id();
    }
    return readPixels(from, m_width, m_height);
}

}  // namespace bl::render
