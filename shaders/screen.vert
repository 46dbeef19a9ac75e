#version 330 core
// Screen-space quads and shapes (labels, symbols, scale bar): pixels, y down.
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec4 aColour;
uniform vec2 uViewport;
out vec2 vUv;
out vec4 vColour;
void main() {
    gl_Position = vec4(aPos.x * 2.0 / uViewport.x - 1.0, 1.0 - aPos.y * 2.0 / uViewport.y, 0.0, 1.0);
    vUv = aUv;
    vColour = aColour;
}
