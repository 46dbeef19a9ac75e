#pragma once
// An OpenGL 3.3 core context with no window and no display server, through
// EGL (Mesa's surfaceless platform, else a pbuffer on the default display).
// For `borderlens export`, `bench render` and the renderer tests; it works on
// a machine without GPU (llvmpipe). Current on the creating thread.
#include <memory>
#include <string>

#include "core/result.hpp"

namespace bl::render {

class HeadlessContext {
public:
    static Result<std::unique_ptr<HeadlessContext>> create();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    void makeCurrent();
    // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    std::string rendererName() const;

private:
    HeadlessContext() = default;
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace bl::render
