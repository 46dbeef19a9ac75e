#include "engine/news.hpp"

#include "core/news/extract.hpp"
#include "io/data_root.hpp"
#include "io/corpus_store.hpp"
#include "io/document_reader.hpp"

#include <filesystem>

namespace bl::engine {

std::string corpusStoreToRead(const std::string& option) {
    if (!option.empty()) return option;
    std::error_code ec;
    const std::string fallback = io::defaultCorpusStore();
    return std::filesystem::is_regular_file(fallback, ec) ? fallback : std::string();
}

Result<std::shared_ptr<const News>> readNews(Session& session, const NewsRequest& request, std::stop_token stop) {
    auto out = std::make_shared<News>();
    std::vector<std::string> paths = request.paths;
    std::optional<Corpus> stored;
    if (paths.empty() && !request.store.empty()) {
        auto store = io::CorpusStore::open(request.store, io::CorpusStore::Mode::Read);
        if (!store) return store.error();
        auto corpus = (*store)->readCorpus();
        if (!corpus) return corpus.error();
        stored = std::move(*corpus);
        out->root = (*store)->shownName();
    } else if (paths.empty()) {
        auto root = io::resolveDocumentsRoot("");
        if (!root) return root.error();
        out->root = *root;
        paths.push_back(*root);
    }
    auto lexicon = session.lexicon();
    if (!lexicon) return lexicon.error();
    Result<std::vector<Document>> docs = std::vector<Document>{};
    if (!stored) docs = io::readDocuments(paths, **lexicon);
    if (!docs) return docs.error();
    auto data = session.load({}, {}, stop);
    if (!data) return data.error();
    out->dataset = *data;
    auto curated = session.curated(out->dataset);  // gates placed on these layers, not read again
    if (!curated) return curated.error();
    out->curated = *curated;
    if (stored) {
        out->corpus = std::move(*stored);
    } else {
        const Resolver resolver(*out->dataset, session.catalog().aliases, *out->curated);
        out->corpus = extractCorpus(std::move(*docs), resolver, **lexicon);
    }
    if (request.checkLinks) {
        out->adjacency = std::make_shared<AdjacencyMemo>(out->dataset, request.useCache);
        const AdjacencyLookup lookup = out->adjacency->lookup();
        LinkCheckMemo memo;
        out->checks.reserve(out->corpus.links.size());
        for (const auto& link : out->corpus.links) {
            if (stop.stop_requested()) return makeError("reading the documents was cancelled");
            out->checks.push_back(memo.check(link, *out->dataset, out->curated->gates, lookup));
        }
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
