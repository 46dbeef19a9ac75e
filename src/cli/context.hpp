#pragma once
// What every subcommand needs, from the headless engine (src/engine): the
// catalog, the data root, the layers it asks for, the documents.
#include <memory>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"
#include "engine/news.hpp"
#include "engine/session.hpp"

namespace bl::cli {

struct GlobalOptions {
    std::string dataRoot;
    std::string catalog;
    bool quiet = false;
    bool noCache = false;  // neither read nor write the prepared-data store and the adjacency cache
    // --store STORE: the corpus store (GeoPackage path or PG:...).
    // --no-store: none, even when the default store exists.
    std::string store;
    bool noStore = false;
    // The store documents are read from ("" = none: the files).
    std::string storeToRead() const { return noStore ? std::string() : engine::corpusStoreToRead(store); }
    // The store ingest writes to: the one given, else the default.
    std::string storeToWrite() const;
};

// A command's view of the engine: the session opened from the global
// options, with progress on stderr and layer warnings printed once.
class Context {
public:
    static Result<Context> open(const GlobalOptions& g);

    engine::Session& session() { return *m_session; }
    const io::Catalog& catalog() const { return m_session->catalog(); }
    const std::string& dataRoot() const { return m_session->dataRoot(); }
    // The corpus store the documents come from ("" = the files).
    const std::string& store() const { return m_store; }

    // Loads these layers (all when `only` is empty) and their parents.
    Result<std::shared_ptr<const Dataset>> load(const std::vector<std::string>& only = {});

    // The documents (files or directories; none = the documents root),
    // extracted and resolved; with checkLinks, every link checked against
    // adjacency (through the on-disk cache unless --no-cache).
    // Without paths, from the corpus store when there is one (fromStore).
    Result<std::shared_ptr<const engine::News>> news(std::vector<std::string> paths, bool checkLinks,
                                                     bool fromStore = true);

    // Prints the gates of the catalogue the session could not place (none
    // on our data), once per call.
    void warnUnplacedGates();

    // `value` when it names a Vietnamese system of the catalog; else prints
    // an error naming `option` and sets exitCode to 2.
    bool checkVintage(const std::string& value, const std::string& option, int& exitCode) const;

private:
    std::shared_ptr<engine::Session> m_session;
    bool m_quiet = false;
    bool m_noCache = false;
    std::string m_store;  // GlobalOptions::storeToRead()
};

// Splits "a,b,c".
std::vector<std::string> splitList(const std::string& s);

}  // namespace bl::cli

namespace bl::cli {
// Pads a UTF-8 string with spaces to `width` code points (printf counts bytes).
std::string padRight(const std::string& s, size_t width);
}  // namespace bl::cli
