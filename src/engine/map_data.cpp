#include "engine/map_data.hpp"

#include <cstdio>
#include <future>

namespace bl::engine {

namespace {

struct ContextRead {
    std::vector<io::ContextLayer> layers;
    std::vector<std::string> notices;  // stale store entries
    std::string warning;               // the layers that could not be read
};

// The catalog's context layers; one that cannot be read is left out, said
// in `warning` (one line per layer).
ContextRead readContext(const io::Catalog& catalog, const std::string& dataRoot, const io::PreparedStore* store) {
    ContextRead out;
    for (const auto& spec : catalog.context) {
        std::string notice;
        auto layer = io::loadContextLayer(spec, dataRoot, store, &notice);
        if (!notice.empty()) out.notices.push_back(notice);
        if (layer) {
            out.layers.push_back(std::move(*layer));
            continue;
        }
        if (!out.warning.empty()) out.warning += "\n";
        out.warning += "warning: " + layer.error().message + "; the map is drawn without the context layer " + spec.id;
    }
    return out;
}

void report(JobControl* control, float fraction, std::string stage) {
    if (control) control->progress(fraction, std::move(stage));
}

std::stop_token stopOf(const JobControl* control) { return control ? control->stopToken() : std::stop_token{}; }

}  // namespace

Result<std::shared_ptr<const MapData>> prepareMap(Session& session, const MapRequest& request, JobControl* control) {
    auto out = std::make_shared<MapData>();
    out->catalog = session.sharedCatalog();
    const std::stop_token stop = stopOf(control);

    report(control, 0.0f, "loading the boundaries");
    const LayerProgress layerProgress = [&](const std::string& id, size_t done, size_t total) {
        report(control, 0.45f * float(done) / float(total), "loaded " + id);
    };
    // The context (a few features) is read while the boundaries load.
    std::future<ContextRead> context =
        std::async(std::launch::async, readContext, std::cref(*out->catalog), session.dataRoot(), session.store());
    // Links point into the dataset the documents were resolved in: every layer.
    auto data = session.load(request.news ? std::vector<std::string>{} : request.layers, layerProgress, stop);
    if (!data) return data.error();
    out->dataset = *data;

    report(control, 0.45f, "reading the documents");
    if (request.news) {
        auto news = readNews(session, request.newsRequest, stop);
        if (news) {
            out->news = *news;
            out->dataset = out->news->dataset;  // the same object: Session::load memoises
            if (out->news->corpus.links.empty())
                out->newsNote = "no cross-border links in the documents" +
                                (out->news->root.empty() ? std::string() : " of " + out->news->root);
        } else if (request.newsRequired || stop.stop_requested()) {
            return news.error();
        } else {
            out->newsNote = news.error().message;
        }
    }

    if (auto curated = session.curated(out->dataset); curated)
        out->curated = *curated;
    else
        out->curated = std::make_shared<const CuratedPlaces>();

    report(control, 0.5f, "indexing names");
    out->gazetteer = std::make_shared<const Gazetteer>(*out->dataset, out->catalog->aliases);

    // Levels of detail are prepared as they are first drawn.
    GeometryOptions gopt;
    gopt.store = session.sharedStore();
    gopt.notice = session.notice();
    ContextRead read = context.get();
    gopt.context = std::move(read.layers);
    out->contextNote = read.warning;
    for (const std::string& line : read.notices)
        if (session.notice()) session.notice()(line);
    if (!read.warning.empty()) {
        if (session.notice())
            session.notice()(read.warning);
        else
            std::fprintf(stderr, "borderlens: %s\n", read.warning.c_str());
    }
    out->geometry = std::make_shared<const MapGeometry>(out->dataset, gopt);
    if (stop.stop_requested()) return makeError("preparing the map was cancelled");
    report(control, 1.0f, "ready");
    return std::shared_ptr<const MapData>(std::move(out));
}

}  // namespace bl::engine

