#include "io/georef_png.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "io/gdal_messages.hpp"

namespace bl::io {

namespace fs = std::filesystem;

std::string worldFilePath(const std::string& pngPath) {
    fs::path p(pngPath);
    p.replace_extension(".pgw");
    return p.string();
}

std::string worldFileText(const GeoTransform& gt) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.10f\n%.10f\n%.10f\n%.10f\n%.10f\n%.10f\n", gt[1], gt[4], gt[2], gt[5],
                  gt[0] + gt[1] / 2 + gt[2] / 2, gt[3] + gt[4] / 2 + gt[5] / 2);
    return buf;
}

namespace {

Result<std::string> wktOf(const std::string& crs) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    if (OSRSetFromUserInput(srs, crs.c_str()) != OGRERR_NONE) {
        OSRDestroySpatialReference(srs);
        return makeError("GDAL does not understand the CRS " + crs);
    }
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
    OSRExportToWktEx(srs, &wkt, opts);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    if (out.empty()) return makeError("GDAL cannot write the CRS " + crs + " as WKT");
    return out;
}

// Undoes a side-car written before the image failed; a FIFO or device
// written into is left alone.
void removeIfFile(const OutputTarget& t) {
    if (t.kind == OutputKind::File) unlink(t.resolved.c_str());
}

}  // namespace

Result<ExportFormat> checkExportOutput(const std::string& path, bool georef) {
    if (path.empty()) return optionError("-o: an output file is needed (e.g. -o map.png)");
    struct stat st;
    const bool stream = path == "-" || (stat(path.c_str(), &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)));
    if (stream) {
        if (georef)
            return optionError(
                "--georef needs -o to name a .png file: the world file and the .aux.xml are named after "
                "it, and " +
                std::string(path == "-" ? "standard output" : path) + " has no such name");
        return ExportFormat::Png;
    }
    const std::string ext = fs::path(path).extension().string();
    std::string lower = ext;
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (lower == ".png") return ExportFormat::Png;
    if (lower == ".pdf" || lower == ".svg") {
        if (georef)
            return optionError("--georef needs a .png output: a world file places pixels, and " + path +
                               " is a vector page");
        return lower == ".pdf" ? ExportFormat::Pdf : ExportFormat::Svg;
    }
    if (ext.empty())
        return optionError("-o " + path + " has no extension; export writes .png, .pdf or .svg (use " + path + ".png)");
    return optionError("-o " + path + ": the extension " + ext +
                       " is not supported; export writes .png, .pdf or .svg");
}

Result<AtlasOutput> checkAtlasOutput(const std::string& path, bool georef) {
    std::error_code ec;
    if ((!path.empty() && path.back() == '/') || fs::is_directory(path, ec)) return AtlasOutput::PngDirectory;
    if (georef)
        return optionError("--georef with --atlas needs -o DIR/ (a PNG per page, each with its world file); " + path +
                           " is not a directory");
    auto format = checkExportOutput(path, georef);
    if (format && *format == ExportFormat::Pdf) return AtlasOutput::Pdf;
    return optionError("-o " + path + ": an atlas is written to a .pdf (a page per item) or into a directory (-o " +
                       "DIR/, a PNG per item)");
}

Result<ExportFiles> writeExportPng(const std::string& path, const RgbaImage& image, double dpi,
                                   const std::optional<GeoTransform>& georef, const std::string& crs, bool force) {
    auto format = checkExportOutput(path, georef.has_value());
    if (!format) return format.error();
    if (*format != ExportFormat::Png) return optionError("-o " + path + ": this writer writes PNG only");
    ExportFiles files;
    files.png = path;
    auto target = resolveOutput(path, force);
    if (!target) return target.error();
    std::optional<OutputTarget> world, aux;
    if (georef) {
        if (target->kind != OutputKind::File)
            return optionError("--georef needs -o to name a regular file, not " + path);
        files.worldFile = worldFilePath(path);
        files.auxXml = path + ".aux.xml";
        auto w = resolveOutput(*files.worldFile, force);
        if (!w) return w.error();
        auto a = resolveOutput(*files.auxXml, force);
        if (!a) return a.error();
        world = *w;
        aux = *a;
    }

    auto out = OutputFile::open(*target);
    if (!out) return out.error();
    if (auto w = writePng(*out, image, dpi); !w) return w.error();
    files.pngBytes = out->bytesWritten();

    if (georef) {
        auto wkt = wktOf(crs);
        if (!wkt) return wkt.error();
        initGdal();
        // GDAL keeps what PNG cannot hold in its PAM sidecar, written on
        // close beside the temporary image; its text is then written to the
        // real side-car name like any other output.
        TemporaryFile tmpAux(out->temporaryPath() + ".aux.xml");
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "YES");
        GDALDatasetH ds = GDALOpen(out->temporaryPath().c_str(), GA_ReadOnly);
        if (!ds) return makeError("GDAL cannot open the image it should georeference (" + out->temporaryPath() + ")");
        GeoTransform gt = *georef;
        const bool ok = GDALSetProjection(ds, wkt->c_str()) == CE_None && GDALSetGeoTransform(ds, gt.data()) == CE_None;
        GDALClose(ds);
        std::ifstream in(tmpAux.path(), std::ios::binary);
        const std::string auxText((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!ok || !in.is_open() || auxText.empty()) return makeError("GDAL could not write " + *files.auxXml);
        if (auto w = writeFileAtomically(world->path, worldFileText(*georef), force); !w) return w.error();
        if (auto w = writeFileAtomically(aux->path, auxText, force); !w) {
            removeIfFile(*world);
            return w.error();
        }
    }
    if (auto c = out->commit(); !c) {
        if (georef) {
            removeIfFile(*world);
            removeIfFile(*aux);
        }
        return c.error();
    }
    return files;
}

}  // namespace bl::io
