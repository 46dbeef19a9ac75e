#pragma once
// What the documents say about the border, read once for every front-end:
// the articles, the links and places extracted from them and resolved onto
// units in every vintage, and each link checked against adjacency (shared
// border km, or the distance; the nearest curated gate). `borderlens
// ingest`, `borderlens pairs`, the export of a pair and the viewer's
// Twinned pairs and Documents panels all read this.
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/link_check.hpp"
#include "core/news/resolve.hpp"
#include "core/result.hpp"
#include "engine/adjacency_memo.hpp"
#include "engine/session.hpp"

namespace bl::engine {

struct News {
    std::shared_ptr<const Dataset> dataset;   // every layer: links resolve in every vintage
    std::shared_ptr<const CuratedPlaces> curated;
    Corpus corpus;
    std::vector<LinkCheck> checks;            // parallel to corpus.links; empty unless asked for
    std::shared_ptr<AdjacencyMemo> adjacency; // the checks point into it
    std::string root;                         // the folder (or store) read when no paths were given
};

struct NewsRequest {
    std::vector<std::string> paths;  // files or directories; empty = the documents root
    bool checkLinks = true;          // run the adjacency checks
    bool useCache = true;            // adjacency through the on-disk cache
    // A corpus store (io/corpus_store.hpp) to read the documents, links and
    // places from, as ingest extracted them; used when `paths` is empty.
    std::string store;
};

// The store the documents are read from: `option` when given, else the
// default store when it exists, else none ("").
std::string corpusStoreToRead(const std::string& option);

// From a store: its documents, links and places, resolved as they were
// ingested, then checked against adjacency like freshly extracted ones.
// Otherwise: reads every document first (a bad file stops it all, naming the file),
// then loads every layer through the session, extracts and resolves, and
// checks the links.
Result<std::shared_ptr<const News>> readNews(Session& session, const NewsRequest& request,
                                             std::stop_token stop = {});

// extractCorpus (core/news/extract.hpp) on the machine's cores, documents
// shared out one at a time (the resolver is thread-safe); the same corpus,
// links and places in document order.
Corpus extractOnAllCores(std::vector<Document> docs, const Resolver& resolver, const Lexicon& lexicon);

// Every link of `corpus` checked against adjacency and the curated gates,
// each pair of units once (LinkCheckMemo); a stop request ends it with an
// error.
Result<std::vector<LinkCheck>> checkLinks(const Corpus& corpus, const Dataset& data, const CuratedPlaces& curated,
                                         AdjacencyMemo& adjacency, std::stop_token stop = {});

// The verdict a link shows in the Vietnamese system `vintage`: the finest
// level resolved in it (the first verdict of that vintage), or null.
const AdjacencyVerdict* finestVerdict(const LinkCheck& check, const std::string& vintage);
// The verdict a map of the link draws: the finest of `vintage` whose units
// share a border, else the finest of it, else any resolved one; null when
// the parties did not resolve.
const AdjacencyVerdict* drawnVerdict(const LinkCheck& check, const std::string& vintage);

}  // namespace bl::engine
