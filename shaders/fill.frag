#version 330 core
in float vShade;
uniform vec4 uColour;     // base colour of the layer's palette
uniform float uShadeAmount; // how much units vary in lightness (0 = flat)
out vec4 fragColour;
void main() {
    vec3 c = uColour.rgb * (1.0 - uShadeAmount * vShade) + vec3(uShadeAmount * vShade * 0.35);
    fragColour = vec4(c, uColour.a);
}
