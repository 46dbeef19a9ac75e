#include "render/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace bl::render {

const ImWchar* vietnameseGlyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
        0x0100, 0x024F,  // Latin Extended-A and -B (Đ đ Ơ ơ Ư ư)
        0x0300, 0x036F,  // combining diacritical marks
        0x1E00, 0x1EFF,  // Latin Extended Additional (ế ở ạ ...)
        0x2000, 0x206F,  // general punctuation (– — ' ' " " …)
        0x2190, 0x21FF,  // arrows
        0x2248, 0x2248,  // ≈ (approximate positions)
        0x25A0, 0x25FF,  // geometric shapes
        0,
    };
    return ranges;
}

Result<std::string> findFontFile(const std::string& pattern) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return makeError("fontconfig cannot load its configuration");
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pat, &result);
    std::string file, family;
    if (match) {
        FcChar8* s = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &s) == FcResultMatch) file = reinterpret_cast<char*>(s);
        if (FcPatternGetString(match, FC_FAMILY, 0, &s) == FcResultMatch) family = reinterpret_cast<char*>(s);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    FcConfigDestroy(config);
    if (file.empty() || family != "Noto Sans" || !std::filesystem::exists(file))
        return makeError("fontconfig finds no Noto Sans for '" + pattern + "'" +
                         (family.empty() ? "" : " (best match: " + family + ")") +
                         "; install fonts-noto-core (scripts/setup does)");
    return file;
}

Result<FontSet> loadFonts(float scale) {
    auto regular = findFontFile("Noto Sans:weight=regular");
    if (!regular) return regular.error();
    auto bold = findFontFile("Noto Sans:weight=bold");
    if (!bold) return bold.error();
    FontSet f;
    f.regularFile = *regular;
    f.boldFile = *bold;
    f.atlas = std::make_unique<ImFontAtlas>();
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    const ImWchar* ranges = vietnameseGlyphRanges();
    f.ui = f.atlas->AddFontFromFileTTF(f.regularFile.c_str(), 16.0f * scale, &cfg, ranges);
    f.label = f.atlas->AddFontFromFileTTF(f.regularFile.c_str(), 14.0f * scale, &cfg, ranges);
    f.labelBold = f.atlas->AddFontFromFileTTF(f.boldFile.c_str(), 16.0f * scale, &cfg, ranges);
    f.title = f.atlas->AddFontFromFileTTF(f.boldFile.c_str(), 26.0f * scale, &cfg, ranges);
    if (!f.ui || !f.label || !f.labelBold || !f.title || !f.atlas->Build())
        return makeError("cannot rasterise the Noto Sans fonts " + f.regularFile + " and " + f.boldFile);
    return f;
}

}  // namespace bl::render
