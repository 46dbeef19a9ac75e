#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <mutex>

#include "io/data_root.hpp"
#include "io/layer_loader.hpp"
#include "support.hpp"

namespace bl::test {

const io::Catalog& realCatalog() {
    static const io::Catalog cat = [] {
        auto c = io::loadCatalog(io::defaultCatalogPath());
        if (!c) FAIL(c.error().message);
        return std::move(*c);
    }();
    return cat;
}

std::shared_ptr<const Dataset> realData() {
    static std::mutex m;
    static std::shared_ptr<const Dataset> data;
    std::lock_guard lock(m);
    if (!data) {
        auto root = io::resolveDataRoot("");
        if (!root) FAIL(root.error().message);
        auto d = io::loadDataset(realCatalog(), *root);
        if (!d) FAIL(d.error().message);
        data = std::make_shared<const Dataset>(std::move(*d));
    }
    return data;
}

}  // namespace bl::test
