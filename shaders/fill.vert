#version 330 core
// Map fills: positions in metres relative to the geometry origin.
layout(location = 0) in vec2 aPos;
layout(location = 1) in float aShade;
uniform vec2 uOffset;     // origin - camera centre, metres
uniform vec2 uScale;      // 2 / (viewport size * metres per pixel)
out float vShade;
void main() {
    gl_Position = vec4((aPos + uOffset) * uScale, 0.0, 1.0);
    vShade = aShade;
}
