#pragma once
// On-disk cache of adjacency results under $XDG_CACHE_HOME/borderlens (else
// ~/.cache/borderlens), keyed by the two layers' source files (path, size,
// modification time), the options and the algorithm version, so the viewer
// gets results instantly on a second run and a changed file is recomputed.
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/model.hpp"

namespace bl::io {

class AdjacencyCache {
public:
    // dir empty: the default location above.
    explicit AdjacencyCache(std::string dir = {});

    std::optional<std::vector<SharedBorder>> load(const Dataset& data, const Layer& a, const Layer& b,
                                                  const AdjacencyOptions& opt) const;
    // Best effort: a cache that cannot be written is not an error.
    void store(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt,
               const std::vector<SharedBorder>& result) const;

    const std::string& dir() const { return m_dir; }

private:
    std::string key(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt) const;
    std::string m_dir;
};

// Computes through the cache (useCache false: always computes, never stores).
std::vector<SharedBorder> cachedAdjacency(const Dataset& data, const Layer& a, const Layer& b,
                                          const AdjacencyOptions& opt, bool useCache, bool* fromCache = nullptr);

}  // namespace bl::io
