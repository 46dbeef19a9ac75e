#include "app/adjacency_job.hpp"

#include "core/boundaries/adjacency_plan.hpp"
#include "io/adjacency_cache.hpp"

namespace bl::app {

AdjacencyJob::AdjacencyJob(std::shared_ptr<const Dataset> data, std::vector<LayerSpec> specs, std::string vintage)
    : m_vintage(std::move(vintage)) {
    m_thread = std::thread([this, data = std::move(data), specs = std::move(specs)] {
        auto out = std::make_shared<AdjacencyResults>();
        out->dataset = data;
        out->vintage = m_vintage;
        std::vector<std::pair<std::string, std::string>> pairs;
        const Level finer = m_vintage == "2023" ? Level::District : Level::Commune;
        for (Level level : {Level::Province, finer}) {
            auto plan = planAdjacency(specs, {level, level == Level::Province ? m_vintage : std::string{}, false});
            if (plan) pairs.insert(pairs.end(), plan->begin(), plan->end());
        }
        for (size_t i = 0; i < pairs.size(); ++i) {
            const Layer* a = data->layer(pairs[i].first);
            const Layer* b = data->layer(pairs[i].second);
            if (a && b) {
                AdjacencyOptions opt;
                opt.threads = 1;  // leave a core to the UI
                auto r = io::cachedAdjacency(*data, *a, *b, opt, true);
                out->borders.insert(out->borders.end(), std::make_move_iterator(r.begin()),
                                    std::make_move_iterator(r.end()));
            }
            m_fraction = float(i + 1) / float(pairs.size());
        }
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(out);
        }
        m_finished = true;
    });
}

AdjacencyJob::~AdjacencyJob() {
    if (m_thread.joinable()) m_thread.join();
}

std::shared_ptr<const AdjacencyResults> AdjacencyJob::result() const {
    std::lock_guard lock(m_mutex);
    return m_result;
}

}  // namespace bl::app
