#include "cli/context.hpp"

#include "io/corpus_store.hpp"

#include <unistd.h>

#include <cstdio>
#include <sstream>

namespace bl::cli {

namespace {

// Assumptions made while loading (e.g. a CRS taken as WGS84), once per layer.
void printWarnings(const Dataset& data) {
    for (const auto& l : data.layers)
        for (const auto& w : l.warnings) std::fprintf(stderr, "borderlens: warning: layer %s: %s\n", l.spec.id.c_str(), w.c_str());
}

}  // namespace

Result<Context> Context::open(const GlobalOptions& g) {
    engine::SessionOptions options;
    options.catalogPath = g.catalog;
    options.dataRoot = g.dataRoot;
    options.useStore = !g.noCache;
    // A rebuilt store entry is said even with --quiet: it explains a slow start.
    options.notice = [](const std::string& line) { std::fprintf(stderr, "borderlens: %s\n", line.c_str()); };
    auto session = engine::Session::open(options);
    if (!session) return session.error();
    Context c;
    c.m_session = *session;
    c.m_quiet = g.quiet;
    c.m_noCache = g.noCache;
    c.m_store = g.storeToRead();
    return c;
}

std::string GlobalOptions::storeToWrite() const { return store.empty() ? io::defaultCorpusStore() : store; }

Result<std::shared_ptr<const Dataset>> Context::load(const std::vector<std::string>& only) {
    engine::LayerProgress progress;
    if (!m_quiet && isatty(2))
        progress = [](const std::string& id, size_t done, size_t total) {
            std::fprintf(stderr, "\rloading %zu/%zu %-28s", done, total, id.c_str());
            if (done == total) std::fprintf(stderr, "\r%60s\r", "");
        };
    auto data = m_session->load(only, progress);
    if (!data) return data.error();
    printWarnings(**data);
    return data;
}

Result<std::shared_ptr<const engine::News>> Context::news(std::vector<std::string> paths, bool checkLinks,
                                                          bool fromStore) {
    // Documents are read before any layer: a bad file stops it all at once.
    const bool stored = paths.empty() && fromStore && !m_store.empty();
    auto news = engine::readNews(*m_session, {std::move(paths), checkLinks, !m_noCache, fromStore ? m_store : ""});
    if (!news) return news.error();
    if (stored && !m_quiet)
        std::fprintf(stderr, "borderlens: %zu documents from the corpus store %s (--no-store reads the files)\n",
                     (*news)->corpus.documents.size(), (*news)->root.c_str());
    printWarnings(*(*news)->dataset);
    warnUnplacedGates();
    return news;
}

void Context::warnUnplacedGates() {
    for (const auto& g : m_session->unplacedGates())
        std::fprintf(stderr, "borderlens: warning: border gate not placed: %s\n", g.c_str());
}

bool Context::checkVintage(const std::string& value, const std::string& option, int& exitCode) const {
    if (value.empty()) return true;
    auto ok = m_session->vintages().check(value, option);
    if (ok) return true;
    std::fprintf(stderr, "borderlens: %s\n", ok.error().message.c_str());
    exitCode = 2;
    return false;
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
