#include "engine/map_data.hpp"

namespace bl::engine {

namespace {

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
    out->geometry = std::make_shared<const MapGeometry>(out->dataset, gopt);
    if (stop.stop_requested()) return makeError("preparing the map was cancelled");
    report(control, 1.0f, "ready");
    return std::shared_ptr<const MapData>(std::move(out));
}

}  // namespace bl::engine

