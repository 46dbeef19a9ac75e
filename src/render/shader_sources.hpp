#pragma once
// The GLSL sources of shaders/, embedded at build time (see
// src/render/CMakeLists.txt). Null for an unknown name.
namespace bl::render {
const char* shaderSource(const char* fileName);
}  // namespace bl::render
