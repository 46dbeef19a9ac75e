// The label glyph atlas (src/render/fonts.cpp): coverage of the Vietnamese
// and Lao code points, metrics, the atlas texture itself, the fallback when
// no font supports Lao, and a Lao name drawn headless. Needs the Noto Sans
// files (fonts-noto-core); only the drawing needs GL (EGL).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "io/png_image.hpp"
#include "render/fonts.hpp"
#include "render/framebuffer.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::render;
namespace fs = std::filesystem;

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

namespace {

// A made-up fontconfig that knows only Noto Sans and Noto Sans Math (the
// files `full` uses): no font supports Lao. Active while it lives.
class FontsWithoutLao {
public:
    explicit FontsWithoutLao(const FontSet& full) {
        const fs::path dir = m_tmp.path() / "fonts";
        fs::create_directories(dir);
        for (const std::string& file : {full.regularFile, full.boldFile, full.symbolFile})
            fs::create_symlink(file, dir / fs::path(file).filename());
        m_env.emplace("FONTCONFIG_FILE",
                      m_tmp.write("fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig><dir>" + dir.string() +
                                                    "</dir><cachedir>" + m_tmp.file("cache") +
                                                    "</cachedir></fontconfig>\n"));
    }

private:
    bl::test::TempDir m_tmp;
    std::optional<bl::test::ScopedEnv> m_env;
};

// `text` in the title font, black on white, drawn headless by the map
// renderer (as export titles and labels are).
io::RgbaImage drawText(const FontSet& f, const std::string& text) {
    static auto ctx = HeadlessContext::create();
    if (!ctx) FAIL("headless OpenGL is required: " << ctx.error().message);
    (*ctx)->makeCurrent();
    auto renderer = MapRenderer::create(f);
    if (!renderer) FAIL(renderer.error().message);
    Scene scene;
    scene.style.background = {1, 1, 1, 1};
    scene.style.labels = false;
    scene.style.scaleBar = false;
    scene.decorations.push_back({{}, text, ScreenFont::Title, {8, 8}, {0, 0, 0, 1}});
    Camera cam;
    cam.width = 360;
    cam.height = 56;
    auto fb = Framebuffer::create(cam.width, cam.height);
    if (!fb) FAIL(fb.error().message);
    (*renderer)->draw(fb->target(), cam, scene);
    return fb->read();
}

// The columns holding ink (any channel darker than mid-grey), first and last.
std::pair<int, int> inkColumns(const io::RgbaImage& img, size_t* inkPixels = nullptr) {
    int first = img.width, last = -1;
    size_t n = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (img.at(x, y)[0] < 128) {
                first = std::min(first, x);
                last = std::max(last, x);
                ++n;
            }
    if (inkPixels) *inkPixels = n;
    return {first, last};
}

const std::string kSavannakhet = "ສະຫວັນນະເຂດ";  // 11 code points, two of them marks
const std::string kQuestionMarks(11, '?');

}  // namespace

TEST_CASE("The label fonts take Lao from a face fontconfig finds for the language", "[render][fonts][lao]") {
    const FontSet& f = fonts(1.0f);
    REQUIRE(f.lao.found());
    CHECK(f.warning.empty());
    CHECK(f.lao.regularFile != f.regularFile);
    CHECK(f.lao.lineBoxRatio > 0.8f);
    CHECK(f.lao.lineBoxRatio < 1.6f);
    for (const Font* font : {&f.label, &f.labelBold, &f.title}) {
        size_t consonants = 0;
        for (char32_t c = 0x0E81; c <= 0x0EAE; ++c)
            if (const Glyph* g = font->glyph(c)) {
                CHECK(g->advance > 0);
                CHECK(g->width > 0);
                ++consonants;
            }
        CHECK(consonants == 27);  // every consonant of modern Lao
        // Vowel and tone marks take no room and overhang the letter before.
        for (char32_t mark : {U'\u0EB1', U'\u0EB5', U'\u0EC8'}) {
            const Glyph* g = font->glyph(mark);
            REQUIRE(g != nullptr);
            CHECK(g->advance == 0);
            CHECK(g->left < 0);
        }
    }
    // One em for both scripts: "ກ" stands about as tall as "o".
    CHECK(f.title.glyph(U'ກ')->height == Approx(f.title.glyph(U'o')->height).epsilon(0.25));
    // Laid out, a Lao name is as wide as its letters, not a row of "?".
    CHECK(std::abs(f.label.textWidth(kSavannakhet) - f.label.textWidth(kQuestionMarks)) > 5);
    // The lookup itself: a file for Lao; none for a language nobody writes.
    auto lao = findFontForLanguage("Noto Sans Lao,Noto Sans", "lo");
    REQUIRE(lao.ok());
    CHECK(*lao == f.lao.regularFile);
    CHECK_FALSE(findFontForLanguage("Noto Sans", "x-none").ok());
}

TEST_CASE("The headless renderer draws a Lao name in Lao letters", "[render][fonts][lao]") {
    const FontSet& f = fonts(1.0f);
    const io::RgbaImage lao = drawText(f, kSavannakhet);
    const io::RgbaImage marks = drawText(f, kQuestionMarks);
    size_t laoInk = 0, marksInk = 0;
    const auto [first, last] = inkColumns(lao, &laoInk);
    inkColumns(marks, &marksInk);
    // Ink where the layout puts the letters, and not the question marks' ink.
    CHECK(laoInk > 150);
    CHECK(first == Approx(8).margin(3));
    CHECK(last == Approx(8 + f.title.textWidth(kSavannakhet)).margin(4));
    size_t differing = 0;
    for (size_t i = 0; i < lao.pixels.size(); i += 4) differing += std::abs(lao.pixels[i] - marks.pixels[i]) > 64;
    CHECK(differing > 150);
    CHECK(marksInk != laoInk);
}

TEST_CASE("Without a Lao font the label fonts load with one warning and Lao shows as question marks",
          "[render][fonts][lao]") {
    const FontSet& full = fonts(1.0f);
    std::optional<Result<FontSet>> loaded;
    {
        const FontsWithoutLao noLao(full);
        CHECK_FALSE(findFontForLanguage("Noto Sans Lao,Noto Sans", "lo").ok());
        loaded.emplace(loadFonts(1.0f));
    }
    REQUIRE(loaded->ok());
    const FontSet& f = **loaded;
    CHECK_FALSE(f.lao.found());
    CHECK_THAT(f.warning, Catch::Contains("Lao") && Catch::Contains("fonts-noto-core"));
    CHECK(f.label.glyph(U'ế') != nullptr);
    CHECK(f.label.glyph(U'ກ') == nullptr);
    CHECK(f.label.glyphOrFallback(U'ກ') == f.label.glyph(U'?'));
    // Drawn, the name is the row of question marks (marks included: no shaping).
    const io::RgbaImage lao = drawText(f, kSavannakhet);
    const io::RgbaImage marks = drawText(f, kQuestionMarks);
    CHECK(lao.pixels == marks.pixels);
}
