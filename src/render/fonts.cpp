#include "render/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace bl::render {

std::span<const CodePointRange> vietnameseGlyphRanges() {
    static constexpr CodePointRange ranges[] = {
        {0x0020, 0x00FF},  // Basic Latin, Latin-1 Supplement
        {0x0100, 0x024F},  // Latin Extended-A and -B (Đ đ Ơ ơ Ư ư)
        {0x0300, 0x036F},  // combining diacritical marks
        {0x1E00, 0x1EFF},  // Latin Extended Additional (ế ở ạ ...)
        {0x2000, 0x206F},  // general punctuation (– — ' ' " " …)
        {0x2190, 0x21FF},  // arrows
        {0x2248, 0x2248},  // ≈ (approximate positions)
        {0x25A0, 0x25FF},  // geometric shapes
    };
    return ranges;
}

std::span<const CodePointRange> laoGlyphRanges() {
    static constexpr CodePointRange ranges[] = {{0x0E80, 0x0EFF}};
    return ranges;
}

const Glyph* Font::glyph(char32_t c) const {
    const auto it = m_glyphs.find(c);
    return it == m_glyphs.end() ? nullptr : &it->second;
}

const Glyph* Font::glyphOrFallback(char32_t c) const {
    const Glyph* g = glyph(c);
    return g ? g : glyph(U'?');
}

namespace {

// One fontconfig configuration for a few look-ups (loading it reads the
// font cache: the slow part).
struct FcConfigDeleter {
    void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using FontConfig = std::unique_ptr<FcConfig, FcConfigDeleter>;
struct FcPatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using FontPattern = std::unique_ptr<FcPattern, FcPatternDeleter>;

Result<FontConfig> loadFontConfig() {
    FontConfig config(FcInitLoadConfigAndFonts());
    if (!config) return makeError("fontconfig cannot load its configuration");
    return config;
}

std::string patternString(FcPattern* p, const char* object) {
    FcChar8* s = nullptr;
    return FcPatternGetString(p, object, 0, &s) == FcResultMatch ? reinterpret_cast<char*>(s) : std::string();
}

FontPattern parsePattern(FcConfig* config, const std::string& pattern) {
    FontPattern pat(FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str())));
    if (!pat) return pat;
    FcConfigSubstitute(config, pat.get(), FcMatchPattern);
    FcDefaultSubstitute(pat.get());
    return pat;
}

Result<std::string> findIn(FcConfig* config, const std::string& pattern, const std::string& family) {
    std::string file, found;
    if (FontPattern pat = parsePattern(config, pattern)) {
        FcResult result = FcResultNoMatch;
        if (FontPattern match{FcFontMatch(config, pat.get(), &result)}) {
            file = patternString(match.get(), FC_FILE);
            found = patternString(match.get(), FC_FAMILY);
        }
    }
    if (file.empty() || found != family || !std::filesystem::exists(file))
        return makeError("fontconfig finds no " + family + " for '" + pattern + "'" +
                         (found.empty() ? "" : " (best match: " + found + ")") +
                         "; install fonts-noto-core (scripts/setup does)");
    return file;
}

Result<std::string> findForLanguageIn(FcConfig* config, const std::string& pattern, const std::string& lang) {
    const FontPattern pat = parsePattern(config, pattern);
    const auto* language = reinterpret_cast<const FcChar8*>(lang.c_str());
    if (pat) FcPatternAddString(pat.get(), FC_LANG, language);
    FcResult result = FcResultNoMatch;
    FcFontSet* sorted = pat ? FcFontSort(config, pat.get(), FcFalse, nullptr, &result) : nullptr;
    std::string file;
    for (int i = 0; sorted && i < sorted->nfont && file.empty(); ++i) {
        FcPattern* font = sorted->fonts[i];
        FcLangSet* langs = nullptr;
        FcBool scalable = FcFalse;
        if (FcPatternGetLangSet(font, FC_LANG, 0, &langs) != FcResultMatch ||
            FcLangSetHasLang(langs, language) != FcLangEqual)
            continue;
        if (FcPatternGetBool(font, FC_SCALABLE, 0, &scalable) != FcResultMatch || !scalable) continue;
        const std::string candidate = patternString(font, FC_FILE);
        if (!candidate.empty() && std::filesystem::exists(candidate)) file = candidate;
    }
    if (sorted) FcFontSetDestroy(sorted);
    if (file.empty()) return makeError("fontconfig finds no installed font for the language '" + lang + "'");
    return file;
}

}  // namespace

Result<std::string> findFontFile(const std::string& pattern, const std::string& family) {
    auto config = loadFontConfig();
    if (!config) return config.error();
    return findIn(config->get(), pattern, family);
}

Result<std::string> findFontForLanguage(const std::string& pattern, const std::string& lang) {
    auto config = loadFontConfig();
    if (!config) return config.error();
    return findForLanguageIn(config->get(), pattern, lang);
}

namespace {

struct LibraryDeleter {
    void operator()(FT_Library l) const { FT_Done_FreeType(l); }
};
struct FaceDeleter {
    void operator()(FT_Face f) const { FT_Done_Face(f); }
};
using Library = std::unique_ptr<FT_LibraryRec_, LibraryDeleter>;
using Face = std::unique_ptr<FT_FaceRec_, FaceDeleter>;

// A glyph rasterised but not yet placed in the atlas.
struct PendingGlyph {
    Font* font;
    char32_t codePoint;
    Glyph glyph;
    std::vector<uint8_t> coverage;  // glyph.width * glyph.height
};

// Opens `file` sized to `sizePx`, its line box (ascender + descender, as
// fonts are sized in Dear ImGui and CSS line boxes).
Result<Face> openSized(FT_Library library, const std::string& file, float sizePx) {
    FT_Face raw = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &raw) != 0)
        return makeError("FreeType cannot read the font file " + file);
    Face face(raw);
    FT_Size_RequestRec request{FT_SIZE_REQUEST_TYPE_REAL_DIM, 0, FT_Long(std::lround(sizePx * 64.0f)), 0, 0};
    if (!FT_IS_SCALABLE(face) || FT_Request_Size(face.get(), &request) != 0)
        return makeError("FreeType cannot size the font " + file + " to " + std::to_string(sizePx) + " px");
    return face;
}

// The line box of `file` per em (FreeType reads the same hhea values as Dear ImGui).
Result<float> lineBoxPerEm(FT_Library library, const std::string& file) {
    FT_Face raw = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &raw) != 0)
        return makeError("FreeType cannot read the font file " + file);
    const Face face(raw);
    if (!FT_IS_SCALABLE(face) || face->units_per_EM == 0 || face->ascender - face->descender <= 0)
        return makeError("the font file " + file + " has no usable vertical metrics");
    return float(face->ascender - face->descender) / float(face->units_per_EM);
}

// The files one role draws from: the text face, then each fallback for its
// own ranges (an empty Lao file: none).
struct RoleFaces {
    const std::string& text;
    const std::string& symbols;
    const std::string& lao;
    float laoLineBoxRatio;
};

Result<PendingGlyph> rasteriseGlyph(FT_Face face, FT_UInt index, char32_t c) {
    // Light hinting snaps only vertical stems and heights, so small labels
    // are crisp without distorting the letter shapes.
    if (FT_Load_Glyph(face, index, FT_LOAD_TARGET_LIGHT) != 0 ||
        FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", unsigned(c));
        return makeError(std::string("FreeType cannot rasterise ") + hex + " of " + face->family_name);
    }
    const FT_GlyphSlot slot = face->glyph;
    const FT_Bitmap& bm = slot->bitmap;
    PendingGlyph p{nullptr, c, {}, {}};
    p.glyph.advance = float(slot->advance.x) / 64.0f;
    p.glyph.lsbDelta = float(slot->lsb_delta) / 64.0f;
    p.glyph.rsbDelta = float(slot->rsb_delta) / 64.0f;
    p.glyph.left = slot->bitmap_left;
    p.glyph.top = slot->bitmap_top;
    p.glyph.width = int(bm.width);
    p.glyph.height = int(bm.rows);
    p.coverage.resize(size_t(bm.width) * bm.rows);
    for (unsigned row = 0; row < bm.rows; ++row)
        std::memcpy(p.coverage.data() + size_t(row) * bm.width, bm.buffer + std::ptrdiff_t(row) * bm.pitch, bm.width);
    return p;
}

// Rasterises every code point of the ranges that the faces have at `sizePx`
// (the text face's line box).
Result<Font> rasterise(FT_Library library, const RoleFaces& files, float sizePx, std::vector<PendingGlyph>& out) {
    auto primary = openSized(library, files.text, sizePx);
    if (!primary) return primary.error();
    const Face& main = *primary;
    auto symbols = openSized(library, files.symbols, sizePx);
    if (!symbols) return symbols.error();
    Face lao;
    if (!files.lao.empty()) {
        auto opened = openSized(library, files.lao, sizePx * files.laoLineBoxRatio);
        if (!opened) return opened.error();
        lao = std::move(*opened);
    }
    Font font;
    font.size = sizePx;
    font.ascent = float(main->size->metrics.ascender) / 64.0f;
    font.lineHeight = float(main->size->metrics.height) / 64.0f;
    const std::pair<std::span<const CodePointRange>, FT_Face> blocks[] = {
        {vietnameseGlyphRanges(), symbols->get()},  // arrows and the like from the symbol face
        {laoGlyphRanges(), lao.get()},
    };
    for (const auto& [ranges, fallback] : blocks)
        for (const CodePointRange& range : ranges)
            for (char32_t c = range.first; c <= range.last; ++c) {
                FT_Face face = main.get();
                FT_UInt index = FT_Get_Char_Index(face, c);
                if (index == 0 && fallback) {
                    face = fallback;
                    index = FT_Get_Char_Index(face, c);
                }
                if (index == 0) continue;
                auto glyph = rasteriseGlyph(face, index, c);
                if (!glyph) return glyph.error();
                out.push_back(std::move(*glyph));
            }
    return font;
}

// Shelf packing, tallest glyphs first, one empty texel between neighbours so
// linear filtering never bleeds. The first cell is the solid white block.
Result<GlyphAtlas> pack(std::vector<PendingGlyph>& glyphs) {
    constexpr int kGap = 1, kWhite = 3, kMaxSide = 16384;
    std::stable_sort(glyphs.begin(), glyphs.end(),
                     [](const PendingGlyph& a, const PendingGlyph& b) { return a.glyph.height > b.glyph.height; });
    double area = (kWhite + kGap) * (kWhite + kGap);
    for (const auto& g : glyphs) area += double(g.glyph.width + kGap) * (g.glyph.height + kGap);
    GlyphAtlas atlas;
    atlas.width = 256;
    while (atlas.width < kMaxSide && double(atlas.width) * atlas.width < area * 1.2) atlas.width *= 2;

    struct Place {
        int x, y;
    };
    std::vector<Place> places;
    places.reserve(glyphs.size());
    int x = kWhite + kGap, y = 0, shelf = kWhite + kGap;
    for (const auto& g : glyphs) {
        if (x + g.glyph.width + kGap > atlas.width) {
            x = 0;
            y += shelf;
            shelf = 0;
        }
        places.push_back({x, y});
        x += g.glyph.width + kGap;
        shelf = std::max(shelf, g.glyph.height + kGap);
    }
    atlas.height = y + shelf;
    if (atlas.height > kMaxSide)
        return makeError("the label fonts do not fit one " + std::to_string(kMaxSide) + " px texture at this DPI");
    atlas.coverage.assign(size_t(atlas.width) * atlas.height, 0);
    for (int row = 0; row < kWhite; ++row) std::memset(atlas.coverage.data() + size_t(row) * atlas.width, 255, kWhite);
    atlas.whiteU = (kWhite / 2.0f + 0.5f) / float(atlas.width);
    atlas.whiteV = (kWhite / 2.0f + 0.5f) / float(atlas.height);
    for (size_t i = 0; i < glyphs.size(); ++i) {
        PendingGlyph& g = glyphs[i];
        const Place p = places[i];
        for (int row = 0; row < g.glyph.height; ++row)
            std::memcpy(atlas.coverage.data() + size_t(p.y + row) * atlas.width + p.x,
                        g.coverage.data() + size_t(row) * g.glyph.width, size_t(g.glyph.width));
        g.glyph.u0 = float(p.x) / float(atlas.width);
        g.glyph.v0 = float(p.y) / float(atlas.height);
        g.glyph.u1 = float(p.x + g.glyph.width) / float(atlas.width);
        g.glyph.v1 = float(p.y + g.glyph.height) / float(atlas.height);
        g.font->add(g.codePoint, g.glyph);
    }
    return atlas;
}

}  // namespace

namespace {

// The Lao faces, regular and bold, in Noto Sans's design when installed; a
// warning instead of an error when there is none.
void findLao(FcConfig* config, FT_Library library, FontSet& f) {
    auto regular = findForLanguageIn(config, "Noto Sans Lao,Noto Sans:weight=regular", "lo");
    auto ratio = regular ? lineBoxPerEm(library, *regular) : Result<float>(regular.error());
    auto textRatio = lineBoxPerEm(library, f.regularFile);
    if (!ratio || !textRatio) {
        f.warning = "Lao names show as \"?\": " + (ratio ? textRatio : ratio).error().message +
                    " (Lao); install fonts-noto-core (scripts/setup does)";
        return;
    }
    auto bold = findForLanguageIn(config, "Noto Sans Lao,Noto Sans:weight=bold", "lo");
    f.lao.regularFile = *regular;
    f.lao.boldFile = bold ? *bold : *regular;
    f.lao.lineBoxRatio = *ratio / *textRatio;
}

}  // namespace

Result<FontSet> loadFonts(float scale) {
    auto config = loadFontConfig();
    if (!config) return config.error();
    auto regular = findIn(config->get(), "Noto Sans:weight=regular", "Noto Sans");
    if (!regular) return regular.error();
    auto bold = findIn(config->get(), "Noto Sans:weight=bold", "Noto Sans");
    if (!bold) return bold.error();
    auto symbols = findIn(config->get(), "Noto Sans Math", "Noto Sans Math");
    if (!symbols) return symbols.error();
    FT_Library raw = nullptr;
    if (FT_Init_FreeType(&raw) != 0) return makeError("FreeType cannot start (out of memory?)");
    const Library library(raw);

    FontSet f;
    f.regularFile = *regular;
    f.boldFile = *bold;
    f.symbolFile = *symbols;
    findLao(config->get(), library.get(), f);
    std::vector<PendingGlyph> pending;
    const struct {
        Font* font;
        RoleFaces faces;
        float size;
    } roles[] = {
        {&f.label, {f.regularFile, f.symbolFile, f.lao.regularFile, f.lao.lineBoxRatio}, 14.0f},
        {&f.labelBold, {f.boldFile, f.symbolFile, f.lao.boldFile, f.lao.lineBoxRatio}, 16.0f},
        {&f.title, {f.boldFile, f.symbolFile, f.lao.boldFile, f.lao.lineBoxRatio}, 26.0f},
    };
    for (const auto& role : roles) {
        const size_t first = pending.size();
        auto font = rasterise(library.get(), role.faces, role.size * scale, pending);
        if (!font) return font.error();
        *role.font = std::move(*font);
        for (size_t i = first; i < pending.size(); ++i) pending[i].font = role.font;
    }
    auto atlas = pack(pending);
    if (!atlas) return atlas.error();
    f.atlas = std::move(*atlas);
    return f;
}

}  // namespace bl::render
