#pragma once
// Adjacency for the viewer, computed off the UI thread (through the on-disk
// cache, io/adjacency_cache.hpp) for one Vietnamese vintage: provinces, and
// districts (2023) or communes × Lao districts (2025), as planned by
// core/adjacency_plan.hpp. Handed over as an immutable snapshot.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/model.hpp"

namespace bl::app {

struct AdjacencyResults {
    std::shared_ptr<const Dataset> dataset;  // keeps the units the borders point to alive
    std::string vintage;
    std::vector<SharedBorder> borders;  // every level, each sorted by descending km
};

class AdjacencyJob {
public:
    AdjacencyJob(std::shared_ptr<const Dataset> data, std::vector<LayerSpec> specs, std::string vintage);
    ~AdjacencyJob();
    AdjacencyJob(const AdjacencyJob&) = delete;
    AdjacencyJob& operator=(const AdjacencyJob&) = delete;

    const std::string& vintage() const { return m_vintage; }
    bool finished() const { return m_finished.load(); }
    float fraction() const { return m_fraction.load(); }
    // Valid once finished().
    std::shared_ptr<const AdjacencyResults> result() const;

private:
    std::string m_vintage;
    std::atomic<bool> m_finished{false};
    std::atomic<float> m_fraction{0.0f};
    mutable std::mutex m_mutex;
    std::shared_ptr<const AdjacencyResults> m_result;
    std::thread m_thread;
};

}  // namespace bl::app
