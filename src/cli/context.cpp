#include "cli/context.hpp"

#include <unistd.h>

#include <cstdio>
#include <sstream>

#include "core/news/extract.hpp"
#include "io/data_root.hpp"
#include "io/document_reader.hpp"
#include "io/gates.hpp"
#include "io/layer_loader.hpp"
#include "io/lexicon.hpp"

namespace bl::cli {

Result<Context> Context::open(const GlobalOptions& g) {
    Context c;
    c.m_quiet = g.quiet;
    auto cat = io::loadCatalog(g.catalog.empty() ? io::defaultCatalogPath() : g.catalog);
    if (!cat) return cat.error();
    c.m_catalog = std::make_shared<io::Catalog>(std::move(*cat));
    auto root = io::resolveDataRoot(g.dataRoot);
    if (!root) return root.error();
    c.m_dataRoot = *root;
    return c;
}

Result<std::shared_ptr<const Dataset>> Context::load(const std::vector<std::string>& only) {
    io::LoadOptions opt;
    opt.only = only;
    if (!m_quiet && isatty(2))
        opt.progress = [](const std::string& id, size_t done, size_t total) {
            std::fprintf(stderr, "\rloading %zu/%zu %-28s", done, total, id.c_str());
            if (done == total) std::fprintf(stderr, "\r%60s\r", "");
        };
    auto data = io::loadDataset(*m_catalog, m_dataRoot, opt);
    if (!data) return data.error();
    for (const auto& l : data->layers)
        for (const auto& w : l.warnings) std::fprintf(stderr, "borderlens: warning: layer %s: %s\n", l.spec.id.c_str(), w.c_str());
    return std::shared_ptr<const Dataset>(std::make_shared<Dataset>(std::move(*data)));
}

Result<Context::LoadedCorpus> Context::loadCorpus(std::vector<std::string> paths) {
    if (paths.empty()) {
        auto root = io::resolveDocumentsRoot("");
        if (!root) return root.error();
        paths.push_back(*root);
    }
    auto lexicon = io::loadLexicon(io::defaultLexiconPath());
    if (!lexicon) return lexicon.error();
    auto docs = io::readDocuments(paths, *lexicon);
    if (!docs) return docs.error();
    auto curated = io::loadCuratedPlaces(io::defaultGeodataDir());
    if (!curated) return curated.error();
    auto data = load();
    if (!data) return data.error();
    LoadedCorpus out{*data, std::move(*curated), {}};
    Resolver resolver(*out.data, m_catalog->aliases, out.curated);
    out.corpus = extractCorpus(std::move(*docs), resolver, *lexicon);
    return out;
}

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace bl::cli

namespace bl::cli {
std::string padRight(const std::string& s, size_t width) {
    size_t cps = 0;
    for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
    return cps >= width ? s : s + std::string(width - cps, ' ');
}
}  // namespace bl::cli
