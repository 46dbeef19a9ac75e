#include "io/georef_png.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

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

// Temporary files removed unless released.
struct TempFiles {
    std::vector<std::string> paths;
    ~TempFiles() {
        for (const auto& p : paths) unlink(p.c_str());
    }
};

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

}  // namespace

Result<ExportFiles> writeExportPng(const std::string& path, const RgbaImage& image, double dpi,
                                   const std::optional<GeoTransform>& georef, const std::string& crs, bool force) {
    ExportFiles files;
    files.png = path;
    if (georef) {
        files.worldFile = worldFilePath(path);
        files.auxXml = path + ".aux.xml";
    }
    for (const auto* p : {&files.png, files.worldFile ? &*files.worldFile : nullptr, files.auxXml ? &*files.auxXml : nullptr})
        if (p)
            if (auto ok = checkWritable(*p, force); !ok) return ok.error();

    TempFiles temps;
    std::string tmp = path + ".tmp-XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) return makeError("cannot write " + path + ": " + std::strerror(errno));
    close(fd);
    temps.paths.push_back(tmp);
    if (auto w = writePng(tmp, image, dpi); !w) return makeError("cannot write " + path + ": " + w.error().message);
    chmod(tmp.c_str(), 0644);

    std::string tmpAux;
    if (georef) {
        auto wkt = wktOf(crs);
        if (!wkt) return wkt.error();
        GDALAllRegister();
        tmpAux = tmp + ".aux.xml";
        temps.paths.push_back(tmpAux);
        // GDAL keeps what PNG cannot hold in its PAM sidecar, written on close.
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "YES");
        GDALDatasetH ds = GDALOpen(tmp.c_str(), GA_ReadOnly);
        if (!ds) return makeError("GDAL cannot open the image it should georeference (" + tmp + ")");
        GeoTransform gt = *georef;
        const bool ok = GDALSetProjection(ds, wkt->c_str()) == CE_None && GDALSetGeoTransform(ds, gt.data()) == CE_None;
        GDALClose(ds);
        if (!ok || !fs::exists(tmpAux)) return makeError("GDAL could not write " + *files.auxXml);
        if (auto w = writeFileAtomically(*files.worldFile, worldFileText(*georef), force); !w) return w.error();
        if (std::rename(tmpAux.c_str(), files.auxXml->c_str()) != 0) {
            const std::string why = std::strerror(errno);
            unlink(files.worldFile->c_str());
            return makeError("cannot write " + *files.auxXml + ": " + why);
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        if (georef) {
            unlink(files.worldFile->c_str());
            unlink(files.auxXml->c_str());
        }
        return makeError("cannot write " + path + ": " + why);
    }
    return files;
}

}  // namespace bl::io
