// libFuzzer target: arbitrary bytes as a catalog and as an alias table ->
// our parsers (every field's JSON type checked, parent_layer circles
// refused). Must never crash or hang; a catalog that parses has parents
// that exist and lead up to a layer without one; no message carries the
// JSON library's own text.
#include <cstdint>
#include <string>
#include <string_view>

#include "io/catalog.hpp"

namespace {

// The catalog names its alias table relative to itself: a directory that
// does not exist, so nothing on disk is read.
constexpr const char* kCatalog = "/nonexistent/borderlens-fuzz/catalog.json";
constexpr const char* kAliases = "/nonexistent/borderlens-fuzz/aliases.json";

void checkOurWords(const std::string& message, std::string_view start) {
    if (message.compare(0, start.size(), start) != 0) __builtin_trap();  // names the file first
    for (const char* library : {"json.exception", "type_error", "parse_error", "basic_filebuf"})
        if (message.find(library) != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto catalog = bl::io::parseCatalog(kCatalog, text);
    if (catalog) {
        for (const auto& l : catalog->layers) {
            const bl::LayerSpec* at = &l;
            for (size_t steps = 0; !at->parentLayer.empty(); ++steps) {
                at = catalog->layer(at->parentLayer);
                if (!at || steps > catalog->layers.size()) __builtin_trap();  // a missing parent, or a circle
            }
        }
    } else {
        // The alias table it names is absent: that is named too.
        const std::string& m = catalog.error().message;
        checkOurWords(m, m.rfind("alias table", 0) == 0 ? "alias table " : "catalog ");
    }
    auto aliases = bl::io::parseAliases(kAliases, text);
    if (!aliases) checkOurWords(aliases.error().message, std::string("alias table ") + kAliases);
    return 0;
}
