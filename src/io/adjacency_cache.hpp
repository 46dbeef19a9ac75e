#pragma once
// On-disk cache of adjacency results under $XDG_CACHE_HOME/borderlens (else
// ~/.cache/borderlens), keyed by the two layers' identities (source path,
// size, modification time, content hash, catalog entry), the options and the
// algorithm version, so the viewer gets results instantly on a second run
// and a changed file is recomputed. Entries are prepared-store files
// (io/prepared_store.hpp): checksummed, so an edited or damaged entry is
// recomputed, never served.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/model.hpp"

namespace bl::io {

class AdjacencyCache {
public:
    // dir empty: the default location above.
    explicit AdjacencyCache(std::string dir = {});

    std::optional<std::vector<SharedBorder>> load(const Dataset& data, const Layer& a, const Layer& b,
                                                  const AdjacencyOptions& opt, std::string* notice = nullptr) const;
    // Best effort: a cache that cannot be written is not an error.
    void store(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt,
               const std::vector<SharedBorder>& result) const;

    const std::string& dir() const { return m_dir; }

private:
    std::string key(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt) const;
    std::string name(const Layer& a, const Layer& b, const std::string& key) const;
    std::string m_dir;
};

// An entry's payload: the borders with their units as indexes into `a` and
// `b`. Decoding refuses (nullopt) what does not decode exactly (truncated,
// padded, a count beyond the bytes), an index beyond the layers, a kind
// byte other than 0 or 1, and non-finite or negative measures.
std::string encodeAdjacency(const std::vector<SharedBorder>& borders, const Layer& a, const Layer& b);
std::optional<std::vector<SharedBorder>> decodeAdjacency(std::string_view payload, const Layer& a, const Layer& b);

// Computes through the cache (useCache false: always computes, never stores).
// `notice`: one line when an entry was found stale or damaged.
std::vector<SharedBorder> cachedAdjacency(const Dataset& data, const Layer& a, const Layer& b,
                                          const AdjacencyOptions& opt, bool useCache, bool* fromCache = nullptr,
                                          std::string* notice = nullptr);

}  // namespace bl::io
