#version 330 core
// The font atlas is single-channel coverage; shapes use its white texel.
in vec2 vUv;
in vec4 vColour;
uniform sampler2D uAtlas;
out vec4 fragColour;
void main() {
    fragColour = vec4(vColour.rgb, vColour.a * texture(uAtlas, vUv).r);
}
