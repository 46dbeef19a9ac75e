// libFuzzer target: arbitrary bytes as a GeoJSON layer -> GDAL -> our
// geometry (validation, repair) -> adjacency within the layer and against a
// fixed Lao square. Must never crash, hang or leak; errors are values.
#include <cpl_vsi.h>
#include <gdal.h>

#include <cstdint>
#include <string>

#include "core/boundaries/adjacency.hpp"
#include "io/layer_loader.hpp"

// GDAL's XML-based drivers, probing bytes that are not XML, can leave an
// expat parser's buffers behind (inside libgdal, not reachable from us).
extern "C" const char* __lsan_default_suppressions() { return "leak:libexpat\n"; }

namespace {

bl::Layer laoSquare() {
    bl::Layer l;
    l.spec.id = "fuzz_la";
    l.spec.country = bl::Country::LA;
    bl::AdminUnit u;
    u.id = u.name = "L";
    u.geometry.polygons.push_back({{{{-20000, -20000}, {20000, -20000}, {20000, 20000}, {-20000, 20000}, {-20000, -20000}}}});
    u.bounds = u.geometry.bounds();
    l.units.push_back(u);
    return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bl::Layer la = laoSquare();
    static bool quiet = [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        return true;
    }();
    (void)quiet;
    const char* path = "/vsimem/fuzz.geojson";
    VSILFILE* f = VSIFileFromMemBuffer(path, const_cast<GByte*>(data), vsi_l_offset(size), FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    bl::LayerSpec spec;
    spec.id = "fuzz";
    spec.path = path;
    spec.country = bl::Country::VN;
    spec.level = bl::Level::District;
    spec.vintage.label = "fuzz";
    spec.fields.id = "id";
    spec.fields.name = "name";
    auto layer = bl::io::loadLayer(spec, "");
    if (layer && layer->units.size() <= 64) {
        bl::AdjacencyOptions opt;
        opt.threads = 1;
        opt.includePointContacts = true;
        (void)bl::computeAdjacency(*layer, *layer, opt);
        (void)bl::computeAdjacency(*layer, la, opt);
    }
    VSIUnlink(path);
    return 0;
}
