// The panels' Dear ImGui font atlas (src/ui/panel_fonts.cpp): Vietnamese,
// the arrows and Lao merged into one font, at the size the UI scale asks,
// in a small texture. Needs the Noto fonts (fonts-noto-core), no GL.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "render/fonts.hpp"
#include "ui/panel_fonts.hpp"

using namespace bl;

namespace {

const render::FontSet& fonts() {
    static auto f = render::loadFonts(1.0f);
    if (!f) FAIL(f.error().message);
    return *f;
}

float glyphHeight(const ImFont& font, ImWchar c) {
    const ImFontGlyph* g = font.FindGlyphNoFallback(c);
    return g ? g->Y1 - g->Y0 : 0.0f;
}

}  // namespace

TEST_CASE("The panel font has glyphs for Vietnamese, the arrows and Lao", "[ui][fonts][lao]") {
    REQUIRE(fonts().lao.found());
    ImFontAtlas atlas;
    ImFont* font = ui::addPanelFont(atlas, fonts(), 16.0f);
    REQUIRE(font != nullptr);
    REQUIRE(atlas.Build());
    for (const char32_t c : {U'Đ', U'ế', U'ự', U'ở', U'→', U'ກ', U'ສ', U'ເ', U'ຂ', U'ດ', U'\u0EB1', U'\u0EC8'}) {
        INFO("U+" << std::hex << uint32_t(c));
        const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(c));
        REQUIRE(g != nullptr);
        CHECK(g->Visible);
    }
    // Lao letters have room of their own; vowel and tone marks none.
    CHECK(font->FindGlyphNoFallback(ImWchar(U'ກ'))->AdvanceX > 4);
    CHECK(font->FindGlyphNoFallback(ImWchar(0x0EB1))->AdvanceX == 0);
    // One em for both scripts: "ກ" about as tall as "o".
    CHECK(glyphHeight(*font, ImWchar(U'ກ')) == Approx(glyphHeight(*font, U'o')).epsilon(0.25));
    CHECK(font->FindGlyphNoFallback(ImWchar(0x4E00)) == nullptr);  // only the ranges asked for
    CHECK(atlas.TexWidth <= 512);
    CHECK(atlas.TexHeight <= 512);
}

TEST_CASE("Without a Lao face the panel font has no Lao glyphs and falls back", "[ui][fonts][lao]") {
    render::FontSet noLao = fonts();
    noLao.lao = {};
    ImFontAtlas atlas;
    ImFont* font = ui::addPanelFont(atlas, noLao, 16.0f);
    REQUIRE(font != nullptr);
    REQUIRE(atlas.Build());
    CHECK(font->FindGlyphNoFallback(ImWchar(U'ế')) != nullptr);
    CHECK(font->FindGlyphNoFallback(ImWchar(U'ກ')) == nullptr);
    CHECK(font->FindGlyph(ImWchar(U'ກ')) == font->FindGlyph(ImWchar(U'?')));
}

TEST_CASE("Twice the UI scale doubles the panel glyphs in a texture of at most 1024 px a side", "[ui][fonts][lao]") {
    ImFontAtlas one, two;
    ImFont* small = ui::addPanelFont(one, fonts(), 16.0f);
    ImFont* large = ui::addPanelFont(two, fonts(), 32.0f);
    REQUIRE(small != nullptr);
    REQUIRE(large != nullptr);
    REQUIRE(one.Build());
    REQUIRE(two.Build());
    for (const ImWchar c : {ImWchar(U'H'), ImWchar(U'Ế'), ImWchar(U'ສ')}) {
        INFO("U+" << std::hex << uint32_t(c));
        CHECK(glyphHeight(*large, c) == Approx(2 * glyphHeight(*small, c)).margin(2));
    }
    CHECK(large->FontSize == 32.0f);
    CHECK(two.TexWidth <= 1024);
    CHECK(two.TexHeight <= 1024);
}
