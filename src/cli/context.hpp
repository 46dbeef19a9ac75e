#pragma once
// What every subcommand needs: where the data is, the catalog, and (loaded on
// demand) the dataset and gazetteer. Built from the global options.
#include <memory>
#include <string>
#include <vector>

#include "core/news/documents.hpp"
#include "core/names/gazetteer.hpp"
#include "core/news/resolve.hpp"
#include "core/boundaries/model.hpp"
#include "core/result.hpp"
#include "io/catalog.hpp"

namespace bl::cli {

struct GlobalOptions {
    std::string dataRoot;
    std::string catalog;
    bool quiet = false;
};

class Context {
public:
    static Result<Context> open(const GlobalOptions& g);

    const io::Catalog& catalog() const { return *m_catalog; }
    const std::string& dataRoot() const { return m_dataRoot; }

    // Loads the layers (all when `only` is empty); errors name the file.
    Result<std::shared_ptr<const Dataset>> load(const std::vector<std::string>& only = {});

    struct LoadedCorpus {
        std::shared_ptr<const Dataset> data;
        CuratedPlaces curated;
        Corpus corpus;
    };
    // Reads the articles (files or directories; none = the documents root)
    // and every layer, then extracts and resolves links and places. Every
    // document is read before anything else: a bad file stops it all.
    Result<LoadedCorpus> loadCorpus(std::vector<std::string> paths);

private:
    std::shared_ptr<io::Catalog> m_catalog;
    std::string m_dataRoot;
    bool m_quiet = false;
};

// Splits "a,b,c".
std::vector<std::string> splitList(const std::string& s);

}  // namespace bl::cli

namespace bl::cli {
// Pads a UTF-8 string with spaces to `width` code points (printf counts bytes).
std::string padRight(const std::string& s, size_t width);
}  // namespace bl::cli
