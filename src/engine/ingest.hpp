#pragma once
// Ingest: documents into a corpus store (io/corpus_store.hpp), incrementally.
// A document is known by the hash of its bytes: one the store already holds
// costs a hash and nothing more (no layer is loaded when nothing is new); a
// file whose bytes changed replaces everything its earlier version gave.
// New documents are extracted, resolved onto every vintage and checked
// against adjacency exactly as `borderlens pairs` does, then written in one
// transaction with their provenance (file, hash, date, spans, extractor
// version).
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "engine/session.hpp"

namespace bl::engine {

struct IngestRequest {
    std::vector<std::string> paths;  // files or directories; empty = the documents root
    std::string store;               // GeoPackage path or "PG:..."; empty = io::defaultCorpusStore()
    bool useCache = true;            // adjacency through the on-disk cache
    // One line per step ("12 new, 3 changed, 9985 unchanged"), for stderr.
    std::function<void(const std::string&)> progress;
};

struct IngestReport {
    std::string store;          // as named in messages (password masked)
    size_t documents = 0;       // documents found under the paths
    size_t added = 0;           // new documents written
    size_t replaced = 0;        // changed documents whose earlier links were replaced
    size_t unchanged = 0;       // already in the store, skipped
    size_t links = 0, places = 0;  // written by this run
    double seconds = 0.0;
};

Result<IngestReport> ingestIntoStore(Session& session, const IngestRequest& request, std::stop_token stop = {});

}  // namespace bl::engine
