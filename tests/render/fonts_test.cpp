// The label glyph atlas (src/render/fonts.cpp): coverage of the Vietnamese
// code points, metrics, and the atlas texture itself. Needs the Noto Sans
// files (fonts-noto-core) but no GL.
#include <catch2/catch.hpp>

#include <cmath>

#include "render/fonts.hpp"

using namespace bl;
using namespace bl::render;

namespace {

const FontSet& fonts(float scale) {
    static auto one = loadFonts(1.0f);
    static auto two = loadFonts(2.0f);
    auto& f = scale == 1.0f ? one : two;
    if (!f) FAIL(f.error().message);
    return *f;
}

// The code points Vietnamese text uses: printable Latin-1, Latin Extended-A
// and -B, combining marks, Latin Extended Additional.
bool vietnamese(char32_t c) {
    return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0x24F) || (c >= 0x300 && c <= 0x36F) ||
           (c >= 0x1E00 && c <= 0x1EFF);
}

bool letter(char32_t c) {
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF);
}

}  // namespace

TEST_CASE("The label fonts have a glyph for every Vietnamese code point", "[render][fonts]") {
    const FontSet& f = fonts(1.0f);
    CHECK(f.regularFile.find("NotoSans") != std::string::npos);
    CHECK(f.boldFile.find("NotoSans") != std::string::npos);
    for (const Font* font : {&f.label, &f.labelBold, &f.title}) {
        size_t checked = 0;
        for (const CodePointRange& r : vietnameseGlyphRanges())
            for (char32_t c = r.first; c <= r.last; ++c) {
                if (!vietnamese(c)) continue;
                const Glyph* g = font->glyph(c);
                INFO("U+" << std::hex << uint32_t(c));
                REQUIRE(g != nullptr);
                if (letter(c)) CHECK(g->advance > 0);
                ++checked;
            }
        CHECK(checked == 95 + 432 + 112 + 256);
    }
    CHECK(f.label.glyph(0x4E00) == nullptr);  // no CJK asked for
    CHECK(f.label.glyphOrFallback(0x4E00) == f.label.glyph(U'?'));
}

TEST_CASE("Glyphs have sensible metrics: diacritics above, bold wider", "[render][fonts]") {
    const FontSet& f = fonts(1.0f);
    const Font& regular = f.label;
    CHECK(regular.size == 14.0f);
    CHECK(f.labelBold.size == 16.0f);
    CHECK(f.title.size == 26.0f);
    CHECK(regular.lineHeight == Approx(regular.size).margin(1));
    CHECK(regular.ascent > regular.lineHeight / 2);
    CHECK(regular.ascent < regular.lineHeight);
    // The stacked marks of "Ể" reach higher than "E"; "ị" has its dot below the baseline.
    const Glyph& e = *regular.glyph(U'E');
    const Glyph& eStacked = *regular.glyph(U'Ể');
    CHECK(eStacked.top > e.top + 2);
    CHECK(int(eStacked.top) - eStacked.height < 1);
    CHECK(regular.glyph(U'ị')->top - regular.glyph(U'ị')->height < 0);
    CHECK(regular.glyph(U' ')->width == 0);
    CHECK(regular.glyph(U' ')->advance > 0);
    // The same letters in bold are wider (widths per pixel of font size).
    const Font& bold = f.labelBold;
    CHECK(bold.textWidth("Hướng Hóa") / bold.size > 1.03 * regular.textWidth("Hướng Hóa") / regular.size);
    CHECK(bold.glyph(U'm')->advance / bold.size > regular.glyph(U'm')->advance / regular.size);
}

TEST_CASE("Scale 2 doubles every size", "[render][fonts]") {
    const FontSet& one = fonts(1.0f);
    const FontSet& two = fonts(2.0f);
    for (auto [a, b] :
         {std::pair{&one.label, &two.label}, {&one.labelBold, &two.labelBold}, {&one.title, &two.title}}) {
        CHECK(b->size == 2 * a->size);
        CHECK(b->lineHeight == Approx(2 * a->lineHeight).margin(1));
        CHECK(b->ascent == Approx(2 * a->ascent).margin(1));
        // Hinted advances are whole pixels: at most a pixel off per letter.
        CHECK(b->textWidth("Quảng Trị") == Approx(2 * a->textWidth("Quảng Trị")).margin(9));
    }
}

TEST_CASE("The atlas holds every glyph's coverage and a solid white block", "[render][fonts]") {
    const FontSet& f = fonts(1.0f);
    const GlyphAtlas& a = f.atlas;
    REQUIRE(a.width > 0);
    REQUIRE(a.height > 0);
    REQUIRE(a.coverage.size() == size_t(a.width) * size_t(a.height));
    auto at = [&](float u, float v) {
        return a.coverage[size_t(std::floor(v * a.height)) * size_t(a.width) + size_t(std::floor(u * a.width))];
    };
    CHECK(at(a.whiteU, a.whiteV) == 255);
    // A glyph's rectangle matches its bitmap size and has ink in it.
    for (char32_t c : {U'Q', U'ả', U'Đ', U'ự'}) {
        const Glyph& g = *f.label.glyph(c);
        CHECK(std::lround((g.u1 - g.u0) * a.width) == g.width);
        CHECK(std::lround((g.v1 - g.v0) * a.height) == g.height);
        int ink = 0;
        for (int y = 0; y < g.height; ++y)
            for (int x = 0; x < g.width; ++x)
                ink = std::max<int>(ink, a.coverage[size_t(std::lround(g.v0 * a.height) + y) * size_t(a.width) +
                                                    size_t(std::lround(g.u0 * a.width) + x)]);
        CHECK(ink > 200);
    }
}
