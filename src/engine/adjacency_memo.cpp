#include "engine/adjacency_memo.hpp"

#include "io/adjacency_cache.hpp"

namespace bl::engine {

AdjacencyMemo::AdjacencyMemo(std::shared_ptr<const Dataset> data, bool useCache, AdjacencyOptions options)
    : m_data(std::move(data)), m_useCache(useCache), m_options(std::move(options)) {}

const std::vector<SharedBorder>& AdjacencyMemo::between(const Layer& a, const Layer& b) {
    // Held while computing: two callers asking for the same pair compute it once.
    std::lock_guard lock(m_mutex);
    const auto key = std::make_pair(&a, &b);
    auto it = m_results.find(key);
    if (it == m_results.end())
        it = m_results.emplace(key, io::cachedAdjacency(*m_data, a, b, m_options, m_useCache)).first;
    return it->second;
}

AdjacencyLookup AdjacencyMemo::lookup() {
    return [this](const Layer& vn, const Layer& la) -> const std::vector<SharedBorder>& { return between(vn, la); };
}

}  // namespace bl::engine
