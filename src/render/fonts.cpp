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

const Glyph* Font::glyph(char32_t c) const {
    const auto it = m_glyphs.find(c);
    return it == m_glyphs.end() ? nullptr : &it->second;
}

const Glyph* Font::glyphOrFallback(char32_t c) const {
    const Glyph* g = glyph(c);
    return g ? g : glyph(U'?');
}

Result<std::string> findFontFile(const std::string& pattern, const std::string& family) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return makeError("fontconfig cannot load its configuration");
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pat, &result);
    std::string file, found;
    if (match) {
        FcChar8* s = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &s) == FcResultMatch) file = reinterpret_cast<char*>(s);
        if (FcPatternGetString(match, FC_FAMILY, 0, &s) == FcResultMatch) found = reinterpret_cast<char*>(s);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    FcConfigDestroy(config);
    if (file.empty() || found != family || !std::filesystem::exists(file))
        return makeError("fontconfig finds no " + family + " for '" + pattern + "'" +
                         (found.empty() ? "" : " (best match: " + found + ")") +
                         "; install fonts-noto-core (scripts/setup does)");
    return file;
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

// Rasterises every code point of the ranges that `file` has at `sizePx`
// (ascender + descender, as fonts are sized in Dear ImGui and CSS line boxes).
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

Result<Font> rasterise(FT_Library library, const std::string& file, const std::string& symbolFile, float sizePx,
                       std::vector<PendingGlyph>& out) {
    auto primary = openSized(library, file, sizePx);
    if (!primary) return primary.error();
    const Face& main = *primary;
    auto symbols = openSized(library, symbolFile, sizePx);
    if (!symbols) return symbols.error();
    Font font;
    font.size = sizePx;
    font.ascent = float(main->size->metrics.ascender) / 64.0f;
    font.lineHeight = float(main->size->metrics.height) / 64.0f;
    for (const CodePointRange& range : vietnameseGlyphRanges())
        for (char32_t c = range.first; c <= range.last; ++c) {
            // The text face first; arrows and the like from the symbol face.
            FT_Face face = main.get();
            FT_UInt index = FT_Get_Char_Index(face, c);
            if (index == 0) {
                face = symbols->get();
                index = FT_Get_Char_Index(face, c);
            }
            if (index == 0) continue;
            // Light hinting snaps only vertical stems and heights, so small
            // labels are crisp without distorting the letter shapes.
            if (FT_Load_Glyph(face, index, FT_LOAD_TARGET_LIGHT) != 0 ||
                FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X", unsigned(c));
                return makeError(std::string("FreeType cannot rasterise ") + hex + " of " + file);
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
                std::memcpy(p.coverage.data() + size_t(row) * bm.width, bm.buffer + std::ptrdiff_t(row) * bm.pitch,
                            bm.width);
            out.push_back(std::move(p));
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

Result<FontSet> loadFonts(float scale) {
    auto regular = findFontFile("Noto Sans:weight=regular");
    if (!regular) return regular.error();
    auto bold = findFontFile("Noto Sans:weight=bold");
    if (!bold) return bold.error();
    auto symbols = findFontFile("Noto Sans Math", "Noto Sans Math");
    if (!symbols) return symbols.error();
    FT_Library raw = nullptr;
    if (FT_Init_FreeType(&raw) != 0) return makeError("FreeType cannot start (out of memory?)");
    const Library library(raw);

    FontSet f;
    f.regularFile = *regular;
    f.boldFile = *bold;
    f.symbolFile = *symbols;
    std::vector<PendingGlyph> pending;
    const struct {
        Font* font;
        const std::string& file;
        float size;
    } roles[] = {{&f.label, f.regularFile, 14.0f}, {&f.labelBold, f.boldFile, 16.0f}, {&f.title, f.boldFile, 26.0f}};
    for (const auto& role : roles) {
        const size_t first = pending.size();
        auto font = rasterise(library.get(), role.file, f.symbolFile, role.size * scale, pending);
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
