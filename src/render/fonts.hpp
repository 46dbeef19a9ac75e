#pragma once
// The map's label fonts: Noto Sans (regular and bold) found through
// fontconfig, rasterised with FreeType (anti-aliased, light hinting so small
// labels stay crisp) into one single-channel glyph atlas whose code points
// cover every Vietnamese letter (Latin-1, Latin Extended-A/B, combining marks,
// Latin Extended Additional U+1E00-1EFF) and typographic punctuation, and
// the Lao block (units' names in Lao script) from a Lao face that fontconfig
// chooses for the language "lo", sized to Noto Sans's em so both scripts
// match. Building needs no GL context; the renderer uploads the atlas itself.
// The viewer's panels have their own Dear ImGui atlas made from the same files.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/names/utf8.hpp"
#include "core/result.hpp"

namespace bl::render {

// An inclusive range of Unicode code points.
struct CodePointRange {
    char32_t first, last;
};

// The code points rasterised (those the face has; Noto Sans lacks the arrows,
// "≈" and most geometric shapes, which were asked for in case it gains them).
std::span<const CodePointRange> vietnameseGlyphRanges();
// The Lao block, U+0E80-0EFF (taken from the Lao face). Without shaping,
// vowel and tone marks sit where the face puts them by default: right for
// one mark over a consonant, overlapping when a tone mark stacks on a vowel.
std::span<const CodePointRange> laoGlyphRanges();

// One rasterised glyph. Pixels, y down; the pen sits on the baseline.
struct Glyph {
    float advance = 0;   // pen movement to the next glyph (hinted: whole pixels)
    float lsbDelta = 0;  // how far hinting moved the left and right side bearings,
    float rsbDelta = 0;  // for the spacing correction in Font::layout
    int left = 0;        // from the pen to the bitmap's left edge
    int top = 0;         // from the baseline up to the bitmap's top edge
    int width = 0;       // bitmap size; 0 for blanks (space)
    int height = 0;
    float u0 = 0, v0 = 0;  // the bitmap's rectangle in the atlas, texture coordinates
    float u1 = 0, v1 = 0;
};

// One face at one size. Metrics in pixels; a line of text is laid out from
// its top edge: the baseline is `ascent` below it.
class Font {
public:
    float size = 0;        // requested height, ascender + descender of the face (before hinting)
    float ascent = 0;      // top of the line to the baseline (hinted, whole pixels)
    float lineHeight = 0;  // baseline to baseline (hinted, whole pixels)

    // The glyph of `c`, or nullptr when the face or the ranges lack it.
    const Glyph* glyph(char32_t c) const;
    // As glyph(), but a missing code point draws as "?" (nullptr only if
    // that is missing too).
    const Glyph* glyphOrFallback(char32_t c) const;
    // Lays out one line of UTF-8 on whole pixels: calls place(glyph, penX)
    // for each glyph, penX from the line's start, and returns the line's
    // width. Where hinting moved two neighbours' facing sides apart or
    // together by half a pixel or more, the pen moves one pixel to even the
    // spacing (FreeType's side-bearing delta rule).
    template <typename Place>
    double layout(std::string_view utf8, Place&& place) const;
    double textWidth(std::string_view utf8) const {
        return layout(utf8, [](const Glyph&, double) {});
    }

    // For the loader (and tests that build a font by hand).
    void add(char32_t c, const Glyph& g) { m_glyphs[c] = g; }

private:
    std::unordered_map<char32_t, Glyph> m_glyphs;
};

template <typename Place>
double Font::layout(std::string_view utf8, Place&& place) const {
    double pen = 0;
    float previousRsb = 0;
    bool first = true;
    while (!utf8.empty()) {
        const Glyph* g = glyphOrFallback(popCodePoint(utf8));
        if (!g) continue;
        if (!first) {
            const float d = previousRsb - g->lsbDelta;
            pen += d > 0.5f ? -1 : d < -0.5f ? 1 : 0;
        }
        place(*g, pen);
        pen += g->advance;
        previousRsb = g->rsbDelta;
        first = false;
    }
    return pen;
}

// The coverage of every glyph (0 = empty, 255 = inside), rows top first, and
// a fully covered block whose centre solid shapes sample.
struct GlyphAtlas {
    int width = 0, height = 0;
    std::vector<uint8_t> coverage;  // width * height bytes
    float whiteU = 0, whiteV = 0;
};

// A fontconfig match for `pattern` (e.g. "Noto Sans:weight=bold"), as a
// file path; an error when fontconfig has nothing or only a different family.
Result<std::string> findFontFile(const std::string& pattern, const std::string& family = "Noto Sans");
// The scalable font file that fontconfig ranks first for `pattern` (e.g.
// "Noto Sans Lao,Noto Sans:weight=bold": families in order of preference)
// among those that support language `lang` ("lo") in full, whatever their
// family; an error when no installed font supports it.
Result<std::string> findFontForLanguage(const std::string& pattern, const std::string& lang);

// A face whose code points the text face lacks, merged into its glyphs.
struct FallbackFace {
    std::string regularFile, boldFile;  // both empty when no installed font has the script
    // The face's line box (ascender + descender, per em) over Noto Sans's.
    // Sizes here and in Dear ImGui are line-box heights: the text face's
    // size times this gives the fallback the same em, so letters match.
    float lineBoxRatio = 1.0f;
    bool found() const { return !regularFile.empty(); }
};

// Movable. A renderer keeps pointers into its set: the set must outlive it.
struct FontSet {
    GlyphAtlas atlas;
    Font label;      // district and commune labels (regular, 14 px)
    Font labelBold;  // province labels, scale bar (bold, 16 px)
    Font title;      // export titles (bold, 26 px)
    std::string regularFile, boldFile;
    std::string symbolFile;  // Noto Sans Math: arrows and signs Noto Sans lacks ("→")
    FallbackFace lao;        // laoGlyphRanges(); not found = Lao letters draw as "?"
    // One sentence for the user when a script falls back to "?" (no Lao
    // font installed); empty otherwise. The caller says it once.
    std::string warning;
};

// `scale` multiplies every size (1 = 96 dpi screen). Thread-safe: each call
// has its own fontconfig configuration and FreeType library. Missing Noto
// Sans is an error; a missing Lao face only sets FontSet::warning.
Result<FontSet> loadFonts(float scale = 1.0f);

}  // namespace bl::render
