#version 330 core
in float vDist;
uniform vec4 uColour;
uniform float uHalfWidthPx;
out vec4 fragColour;
void main() {
    float coverage = clamp(uHalfWidthPx + 0.5 - abs(vDist), 0.0, 1.0);
    fragColour = vec4(uColour.rgb, uColour.a * coverage);
}
