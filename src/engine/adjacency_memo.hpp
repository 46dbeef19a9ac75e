#pragma once
// Adjacency results of layer pairs of one dataset, each computed once
// (through the on-disk cache, io/adjacency_cache.hpp) however often it is
// asked for: link checks, pair overlays, the export and the viewer's
// panels all read the same results. The dataset is held, so the units the
// results point to stay alive as long as the memo.
//
// Thread-safety: between() may be called from several threads; returned
// references stay valid as long as the memo.
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/model.hpp"
#include "core/news/link_check.hpp"

namespace bl::engine {

class AdjacencyMemo {
public:
    // useCache false: always computed afresh, never stored on disk.
    AdjacencyMemo(std::shared_ptr<const Dataset> data, bool useCache, AdjacencyOptions options = {});

    // The shared borders between the units of `a` and of `b` (the same layer
    // twice: the domestic pairs within it). Both must belong to the dataset.
    const std::vector<SharedBorder>& between(const Layer& a, const Layer& b);
    // The same as a core AdjacencyLookup (for checkLink).
    AdjacencyLookup lookup();

    const Dataset& dataset() const { return *m_data; }

private:
    std::shared_ptr<const Dataset> m_data;
    bool m_useCache;
    AdjacencyOptions m_options;
    std::mutex m_mutex;
    std::map<std::pair<const Layer*, const Layer*>, std::vector<SharedBorder>> m_results;
};

}  // namespace bl::engine
