#version 330 core
// Thick antialiased lines: each polyline vertex is emitted twice with opposite
// miter vectors (unit length = half the line width on a straight stretch), the
// "+" one at even vertex indices. The strip is widened by half a pixel and the
// fragment shader fades the edge, so lines are smooth without multisampling.
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec2 aMiter;
uniform vec2 uOffset;
uniform vec2 uScale;
uniform float uHalfWidthPx;
uniform float uMetresPerPixel;
out float vDist;  // signed distance from the centre line, pixels
void main() {
    float h = uHalfWidthPx + 0.5;  // the coverage ramp below needs half a pixel more
    vDist = (gl_VertexID % 2 == 0 ? 1.0 : -1.0) * h;
    gl_Position = vec4((aPos + uOffset + aMiter * h * uMetresPerPixel) * uScale, 0.0, 1.0);
}
