#include "engine/news.hpp"

#include "core/news/extract.hpp"
#include "io/data_root.hpp"
#include "io/corpus_store.hpp"
#include "io/document_reader.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iterator>
#include <thread>

namespace bl::engine {

std::string corpusStoreToRead(const std::string& option) {
    if (!option.empty()) return option;
    std::error_code ec;
    const std::string fallback = io::defaultCorpusStore();
    return std::filesystem::is_regular_file(fallback, ec) ? fallback : std::string();
}

Corpus extractOnAllCores(std::vector<Document> docs, const Resolver& resolver, const Lexicon& lexicon) {
    const size_t n = docs.size();
    const size_t threads = std::max<size_t>(1, std::min<size_t>(std::thread::hardware_concurrency(), n / 8 + 1));
    std::vector<std::vector<Link>> links(n);
    std::vector<std::vector<Place>> places(n);
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next++) < n;) extractDocument(docs[i], i, resolver, lexicon, links[i], places[i]);
    };
    std::vector<std::jthread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    pool.clear();  // joins
    Corpus c;
    c.documents = std::move(docs);
    for (size_t i = 0; i < n; ++i) {
        std::move(links[i].begin(), links[i].end(), std::back_inserter(c.links));
        std::move(places[i].begin(), places[i].end(), std::back_inserter(c.places));
    }
    return c;
}

Result<std::vector<LinkCheck>> checkLinks(const Corpus& corpus, const Dataset& data, const CuratedPlaces& curated,
                                         AdjacencyMemo& adjacency, std::stop_token stop) {
    const AdjacencyLookup lookup = adjacency.lookup();
    LinkCheckMemo memo;  // most links of a large corpus name a pair already checked
    std::vector<LinkCheck> checks;
    checks.reserve(corpus.links.size());
    for (const auto& link : corpus.links) {
        if (stop.stop_requested()) return makeError("checking the links was cancelled");
        checks.push_back(memo.check(link, data, curated.gates, lookup));
    }
    return checks;
}

Result<std::shared_ptr<const News>> readNews(Session& session, const NewsRequest& request, std::stop_token stop) {
    auto out = std::make_shared<News>();
    // The corpus as ingested (a store), or documents read now and extracted
    // once the layers are loaded.
    std::optional<Corpus> stored;
    std::vector<Document> docs;
    std::shared_ptr<const Lexicon> lexicon;
    if (request.paths.empty() && !request.store.empty()) {
        auto store = io::CorpusStore::open(request.store, io::CorpusStore::Mode::Read);
        if (!store) return store.error();
        auto corpus = (*store)->readCorpus();
        if (!corpus) return corpus.error();
        stored = std::move(*corpus);
        out->root = (*store)->shownName();
    } else {
        std::vector<std::string> paths = request.paths;
        if (paths.empty()) {
            auto root = io::resolveDocumentsRoot("");
            if (!root) return root.error();
            out->root = *root;
            paths.push_back(*root);
        }
        auto lex = session.lexicon();
        if (!lex) return lex.error();
        lexicon = *lex;
        auto read = io::readDocuments(paths, *lexicon);
        if (!read) return read.error();
        docs = std::move(*read);
    }
    auto data = session.load({}, {}, stop);
    if (!data) return data.error();
    out->dataset = *data;
    auto curated = session.curated(out->dataset);  // gates placed on these layers, not read again
    if (!curated) return curated.error();
    out->curated = *curated;
    out->corpus = stored ? std::move(*stored)
                         : extractOnAllCores(std::move(docs), Resolver(*out->dataset, session.catalog().aliases, *out->curated),
                                         *lexicon);
    if (request.checkLinks) {
        out->adjacency = std::make_shared<AdjacencyMemo>(out->dataset, request.useCache);
        auto checks = checkLinks(out->corpus, *out->dataset, *out->curated, *out->adjacency, stop);
        if (!checks) return checks.error();
        out->checks = std::move(*checks);
    }
    return std::shared_ptr<const News>(std::move(out));
}

const AdjacencyVerdict* finestVerdict(const LinkCheck& check, const std::string& vintage) {
    for (const auto& v : check.verdicts)
        if (v.vintage == vintage) return &v;
    return nullptr;
}

const AdjacencyVerdict* drawnVerdict(const LinkCheck& check, const std::string& vintage) {
    const AdjacencyVerdict* finest = nullptr;
    for (const auto& v : check.verdicts) {
        if (v.vintage != vintage || !v.vn || !v.la) continue;
        if (!finest) finest = &v;
        if (v.touches) return &v;
    }
    if (finest) return finest;
    for (const auto& v : check.verdicts)
        if (v.vn && v.la) return &v;
    return nullptr;
}

}  // namespace bl::engine
