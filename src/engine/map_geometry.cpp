#include "engine/map_geometry.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "io/byte_codec.hpp"

namespace bl::engine {

size_t lodForScale(double mpp) {
    size_t lod = 0;
    for (size_t i = 0; i < kLodCount; ++i)
        if (kLodTolerancesM[i] <= mpp * 0.5) lod = i;
    return lod;
}

bool levelShownAtScale(Level level, double mpp) {
    switch (level) {
        case Level::Province:
            return true;
        case Level::District:
            return mpp <= 1500.0;
        case Level::Commune:
            return mpp <= 350.0;
    }
    return true;
}

void LineStrip::append(const LineString& in, Vec2 origin) {
    LineString line;
    line.reserve(in.size());
    for (const Vec2& p : in)
        if (line.empty() || p.x != line.back().x || p.y != line.back().y) line.push_back(p);
    if (line.size() < 2) return;
    const bool closed = line.size() > 3 && line.front().x == line.back().x && line.front().y == line.back().y;
    if (closed) line.pop_back();
    const size_t n = line.size();
    auto dir = [&](size_t a, size_t b) {
        const double dx = line[b].x - line[a].x, dy = line[b].y - line[a].y;
        const double len = std::hypot(dx, dy);
        return Vec2{dx / len, dy / len};
    };
    const size_t count = closed ? n + 1 : n;
    const size_t start = vertices.size();
    for (size_t k = 0; k < count; ++k) {
        const size_t i = k % n;
        Vec2 nPrev, nNext;
        const bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < n;
        if (hasPrev) {
            Vec2 d = dir((i + n - 1) % n, i);
            nPrev = {-d.y, d.x};
        }
        if (hasNext) {
            Vec2 d = dir(i, (i + 1) % n);
            nNext = {-d.y, d.x};
        }
        if (!hasPrev) nPrev = nNext;
        if (!hasNext) nNext = nPrev;
        Vec2 m{nPrev.x + nNext.x, nPrev.y + nNext.y};
        double len = std::hypot(m.x, m.y);
        if (len < 1e-9) {
            m = nNext;
            len = 1.0;
        }
        m = {m.x / len, m.y / len};
        const float x = float(line[i].x - origin.x), y = float(line[i].y - origin.y);
        // Miter length 1/cos(half angle). Past twice the half width (turns
        // sharper than 120°: islands' tips, thin inlets) a bevel instead:
        // the vertex twice, along each segment's normal, so no spike sticks out.
        const double c = m.x * nNext.x + m.y * nNext.y;
        const bool bevel = c < 0.5;
        if (!bevel) m = {m.x / c, m.y / c};
        const Vec2 first = bevel ? nPrev : m, second = bevel ? nNext : m;
        LineVertex a{x, y, float(first.x), float(first.y)}, b{x, y, float(-first.x), float(-first.y)};
        if (k == 0 && start > 0) {
            vertices.push_back(vertices.back());  // degenerate join with the previous polyline
            vertices.push_back(a);
        }
        vertices.push_back(a);
        vertices.push_back(b);
        if (bevel) {
            vertices.push_back({x, y, float(second.x), float(second.y)});
            vertices.push_back({x, y, float(-second.x), float(-second.y)});
        }
    }
}

// Bumped when what a level holds or how it is made changes (store key).
static constexpr int kLodAlgorithm = 4;  // 2: shared arcs, fans; 3: bevel joins; 4: our Douglas-Peucker for the border

// The layers whose union outline holds the Viet Nam–Laos border (Laos's
// provinces), and those it runs along (Viet Nam's provinces, of any system).
static bool outlinesTheBorder(const LayerSpec& s) { return s.country == Country::LA && s.level == Level::Province; }
static bool bordersLaos(const LayerSpec& s) { return s.country == Country::VN && s.level == Level::Province; }
// Bumped when what the border is made of changes (store key of the border levels).
static constexpr int kBorderAlgorithm = 3;  // 2: only the stretches along Viet Nam; 3: where apart
// Bumped when how a context level is made changes (its store key).
static constexpr int kContextAlgorithm = 1;

struct MapGeometry::Slot {
    enum class State { Idle, Queued, Building, Ready };
    std::mutex mutex;
    std::condition_variable done;
    State state = State::Idle;
    std::unique_ptr<const LayerLod> lod;
    std::atomic<const LayerLod*> ready{nullptr};
    std::vector<std::function<void()>> callbacks;  // of request(), called once built
};

// One background thread, started by the first request(), building the
// levels asked for in order.
struct MapGeometry::Builder {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::pair<size_t, size_t>> queue;
    std::atomic<size_t> pending{0};
    std::atomic<bool> stop{false};
    std::thread thread;
};

MapGeometry::MapGeometry(std::shared_ptr<const Dataset> data, GeometryOptions options)
    : m_data(std::move(data)), m_options(std::move(options)), m_builder(std::make_unique<Builder>()) {
    for (const auto& l : m_data->layers)
        for (const auto& u : l.units) {
            bounds.extend(u.bounds);
            vertexCount += u.geometry.vertexCount();
            if (outlinesTheBorder(l.spec)) borderBounds.extend(u.bounds);
        }
    m_borderIndex = m_data->layers.size();
    m_contextIndex = m_borderIndex + 1;
    m_slots = std::make_unique<Slot[]>((m_contextIndex + 1) * kLodCount);
    // The context's levels are keyed by its layers' sources; named after the first.
    for (auto& layer : m_options.context) {
        if (layer.preparedKey.empty()) m_contextUnidentified = true;
        m_contextKey += layer.preparedKey;
        if (m_contextSpec.id.empty()) {
            m_contextSpec.id = layer.spec.id;
            m_contextSpec.path = layer.spec.path;
            m_contextSpec.gdalLayer = layer.spec.gdalLayer;
        }
        for (auto& f : layer.features) m_context.push_back(std::move(f));
    }
    if (m_contextUnidentified) m_contextKey.clear();
    m_options.context.clear();
    m_topologyOnce = std::make_unique<std::once_flag[]>(m_borderIndex);
    m_topology.resize(m_borderIndex);
}

MapGeometry::~MapGeometry() {
    {
        std::lock_guard lock(m_builder->mutex);
        m_builder->stop = true;
    }
    m_builder->wake.notify_all();
    if (m_builder->thread.joinable()) m_builder->thread.join();
}

bool MapGeometry::filled(size_t layer) const {
    return m_options.fillProvinces && layer < m_data->layers.size() &&
           m_data->layers[layer].spec.level == Level::Province;
}

MapGeometry::Slot& MapGeometry::slot(size_t index, size_t level) const {
    return m_slots[index * kLodCount + std::min(level, kLodCount - 1)];
}

const LayerLod* MapGeometry::lodIfReady(size_t layer, size_t level) const {
    return layer < m_borderIndex ? slot(layer, level).ready.load(std::memory_order_acquire) : nullptr;
}

const LayerLod& MapGeometry::lod(size_t layer, size_t level) const { return ensure(layer, level); }

const LineStrip& MapGeometry::border(size_t level) const { return ensure(m_borderIndex, level).outline; }

const LayerLod& MapGeometry::context(size_t level) const { return ensure(m_contextIndex, level); }

const LayerLod* MapGeometry::contextIfReady(size_t level) const {
    return slot(m_contextIndex, level).ready.load(std::memory_order_acquire);
}

void MapGeometry::requestContext(size_t level, std::function<void()> ready) const {
    request(m_contextIndex, level, std::move(ready));
}

const std::vector<LabelAnchor>& MapGeometry::borderApart() const {
    return ensure(m_borderIndex, kLodCount - 1).anchors;
}

const LineStrip* MapGeometry::borderIfReady(size_t level) const {
    const LayerLod* l = slot(m_borderIndex, level).ready.load(std::memory_order_acquire);
    return l ? &l->outline : nullptr;
}

const LayerLod& MapGeometry::ensure(size_t index, size_t level) const {
    Slot& s = slot(index, level);
    if (const LayerLod* l = s.ready.load(std::memory_order_acquire)) return *l;
    {
        std::unique_lock lock(s.mutex);
        s.done.wait(lock, [&] { return s.state != Slot::State::Building; });
        if (s.state == Slot::State::Ready) return *s.lod;
        s.state = Slot::State::Building;  // queued or idle: built here (the builder then finds it ready)
    }
    LayerLod built = build(index, level);
    std::vector<std::function<void()>> callbacks;
    const LayerLod* result = nullptr;
    {
        std::lock_guard lock(s.mutex);
        s.lod = std::make_unique<const LayerLod>(std::move(built));
        result = s.lod.get();
        s.ready.store(result, std::memory_order_release);
        s.state = Slot::State::Ready;
        callbacks.swap(s.callbacks);
    }
    s.done.notify_all();
    for (auto& c : callbacks)
        if (c) c();
    return *result;
}

void MapGeometry::request(size_t layer, size_t level, std::function<void()> ready) const {
    if (layer > m_contextIndex) return;
    Slot& s = slot(layer, level);
    {
        std::lock_guard lock(s.mutex);
        if (s.state == Slot::State::Ready) return;
        s.callbacks.push_back(std::move(ready));
        if (s.state != Slot::State::Idle) return;
        s.state = Slot::State::Queued;
    }
    Builder& b = *m_builder;
    {
        std::lock_guard lock(b.mutex);
        b.queue.emplace_back(layer, std::min(level, kLodCount - 1));
        ++b.pending;
        if (!b.thread.joinable())
            b.thread = std::thread([this] {
                Builder& w = *m_builder;
                for (;;) {
                    std::pair<size_t, size_t> job;
                    {
                        std::unique_lock lock(w.mutex);
                        w.wake.wait(lock, [&] { return w.stop || !w.queue.empty(); });
                        if (w.stop) return;
                        job = w.queue.front();
                        w.queue.pop_front();
                    }
                    (void)ensure(job.first, job.second);
                    --w.pending;
                }
            });
    }
    b.wake.notify_one();
}

void MapGeometry::requestBorder(size_t level, std::function<void()> ready) const {
    request(m_borderIndex, level, std::move(ready));
}

size_t MapGeometry::pending() const { return m_builder->pending.load(); }

std::optional<Vec2> MapGeometry::anchor(UnitKey key) const {
    const AdminUnit* unit = m_data->unitOf(key);
    if (!unit) return std::nullopt;
    for (size_t level = 1; level < kLodCount; ++level)
        if (const LayerLod* l = lodIfReady(size_t(key.layer), level)) return l->anchors[size_t(key.unit)].position;
    return labelAnchor(unit->geometry).position;
}

const std::vector<LineString>& MapGeometry::borderLines() const {
    std::lock_guard lock(m_borderMutex);
    if (!m_borderLines) {
        std::vector<const MultiPolygon*> lao, vn;
        for (const auto& l : m_data->layers)
            for (const auto& u : l.units) {
                if (outlinesTheBorder(l.spec)) lao.push_back(&u.geometry);
                if (bordersLaos(l.spec)) vn.push_back(&u.geometry);
            }
        std::vector<LineString> lines;
        std::vector<std::vector<double>> gaps;
        if (!lao.empty() && !vn.empty())
            lines = stretchesAlong(unionOutline(lao), vn, kBorderNearM, kBorderBridgeM, &gaps);
        std::vector<LabelAnchor> apart;
        for (size_t k = 0; k < lines.size(); ++k)
            for (size_t i = 0; i < lines[k].size(); ++i)
                if (gaps[k][i] >= kBorderApartM) apart.push_back({lines[k][i], gaps[k][i]});
        m_borderApart = std::make_unique<const std::vector<LabelAnchor>>(std::move(apart));
        m_borderLines = std::make_unique<const std::vector<LineString>>(std::move(lines));
    }
    return *m_borderLines;
}

const ArcTopology& MapGeometry::topology(size_t layer) const {
    std::call_once(m_topologyOnce[layer], [&] {
        std::vector<const MultiPolygon*> units;
        for (const auto& u : m_data->layers[layer].units) units.push_back(&u.geometry);
        m_topology[layer] = std::make_unique<const ArcTopology>(units);
    });
    return *m_topology[layer];
}

namespace {

// Fan triangles of every ring of `mp` (from each ring's first vertex).
void appendFans(const MultiPolygon& mp, Vec2 origin, float shade, std::vector<FillVertex>& out) {
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) {
            if (ring.size() < 4) continue;
            const FillVertex a{float(ring[0].x - origin.x), float(ring[0].y - origin.y), shade};
            for (size_t i = 1; i + 2 < ring.size(); ++i) {
                out.push_back(a);
                out.push_back({float(ring[i].x - origin.x), float(ring[i].y - origin.y), shade});
                out.push_back({float(ring[i + 1].x - origin.x), float(ring[i + 1].y - origin.y), shade});
            }
        }
}

}  // namespace

LayerLod MapGeometry::build(size_t index, size_t level) const {
    const double tol = kLodTolerancesM[level];
    // What the level is made from, to key it in the store: the layer (for
    // the border, every Lao and Vietnamese province layer; for the context,
    // its layers), the level and how it is made.
    std::string key, name;
    if (index == m_borderIndex) {
        const Layer* lao = nullptr;
        std::string along;  // the Vietnamese layers, in the name: datasets of either system keep their own entry
        bool identified = true;
        for (const auto& l : m_data->layers)
            if (outlinesTheBorder(l.spec) || bordersLaos(l.spec)) {
                identified = identified && !l.preparedKey.empty();
                key += l.preparedKey;
                if (bordersLaos(l.spec)) along += "-" + l.spec.id;
                if (!lao && outlinesTheBorder(l.spec)) lao = &l;
            }
        if (!identified || !lao) key.clear();
        if (!key.empty()) {
            key += "border along Viet Nam: near " + std::to_string(kBorderNearM) + " bridge " +
                   std::to_string(kBorderBridgeM) + " algorithm " + std::to_string(kBorderAlgorithm) + "\n";
            name = io::entryName(lao->spec, m_data->dataRoot, "border" + along + "-" + std::to_string(level));
        }
    } else if (index == m_contextIndex) {
        if (!m_contextKey.empty()) {
            key = m_contextKey + "context: triangles, shared borders, algorithm " + std::to_string(kContextAlgorithm) +
                  "\n";
            name = io::entryName(m_contextSpec, m_data->dataRoot, "context" + std::to_string(level));
        }
    } else if (const Layer& l = m_data->layers[index]; !l.preparedKey.empty()) {
        key = l.preparedKey;
        name = io::entryName(l.spec, m_data->dataRoot, "lod" + std::to_string(level));
    }
    const bool fill = filled(index);
    if (!key.empty()) {
        key += "level " + std::to_string(level) + " tolerance " + std::to_string(tol) + " fill " +
               std::to_string(fill) + " algorithm " + std::to_string(kLodAlgorithm) + "\n";
        if (m_options.store) {
            auto hit = m_options.store->read(name, key);
            if (hit.payload) {
                auto lod = decodeLod(*hit.payload);
                // Per-unit arrays must match the layer: a damaged level is never drawn.
                const bool context = index == m_contextIndex;
                const size_t units = index == m_borderIndex ? 0
                                     : context              ? m_context.size()
                                                            : m_data->layers[index].units.size();
                const bool anchorsFit = index == m_borderIndex || lod->anchors.size() == (context ? 0 : units);
                if (lod && lod->outlineRanges.size() == units && anchorsFit &&
                    lod->fillRanges.size() == (fill || context ? units : 0))
                    return std::move(*lod);
                hit.why = "prepared data " + name + " in " + m_options.store->dir() +
                          " does not fit its layer (damaged); rebuilding it";
            }
            if (!hit.why.empty() && m_options.notice) m_options.notice(hit.why);
        }
    }

    LayerLod lod;
    lod.toleranceM = tol;
    if (index == m_contextIndex) {
        lod = buildContext(level);
    } else if (index == m_borderIndex) {
        for (const auto& line : borderLines()) lod.outline.append(simplifyDouglasPeucker(line, tol), origin);
        if (level == kLodCount - 1) {  // where the sources are apart: kept once, with the coarsest level
            std::lock_guard lock(m_borderMutex);
            lod.anchors = *m_borderApart;
        }
    } else {
        const Layer& layer = m_data->layers[index];
        if (level == 0) lod.anchors = ensure(index, 1).anchors;  // full detail adds nothing to where a label goes
        const std::vector<MultiPolygon> simplified =
            level > 0 ? topology(index).simplified(tol) : std::vector<MultiPolygon>{};
        for (size_t i = 0; i < layer.units.size(); ++i) {
            if (m_builder->stop) break;  // being destroyed: no one will read it
            const MultiPolygon& mp = level > 0 ? simplified[i] : layer.units[i].geometry;
            Range r{uint32_t(lod.outline.vertices.size()), 0};
            for (const auto& poly : mp.polygons)
                for (const auto& ring : poly.rings) lod.outline.append(ring, origin);
            r.count = uint32_t(lod.outline.vertices.size()) - r.first;
            lod.outlineRanges.push_back(r);
            if (fill) {
                Range f{uint32_t(lod.fill.size()), 0};
                appendFans(mp, origin, float((i * 3) % 5) / 4.0f, lod.fill);
                f.count = uint32_t(lod.fill.size()) - f.first;
                lod.fillRanges.push_back(f);
            }
            if (level > 0)  // a unit smaller than the tolerance keeps a point anchor with no room for a label
                lod.anchors.push_back(mp.empty() ? LabelAnchor{layer.units[i].bounds.center(), 0.0} : labelAnchor(mp));
        }
    }
    if (m_options.store && !key.empty() && !m_builder->stop) (void)m_options.store->write(name, key, encodeLod(lod));
    return lod;
}


std::string encodeLod(const LayerLod& lod) {
    io::ByteWriter w;
    w.pod(lod.toleranceM);
    w.array(lod.fill);
    w.array(lod.fillRanges);
    w.array(lod.outline.vertices);
    w.array(lod.outlineRanges);
    w.array(lod.anchors);
    return std::move(w.bytes());
}

std::optional<LayerLod> decodeLod(std::string_view bytes) {
    io::ByteReader r(bytes);
    LayerLod lod;
    lod.toleranceM = r.pod<double>();
    lod.fill = r.array<FillVertex>();
    lod.fillRanges = r.array<Range>();
    lod.outline.vertices = r.array<LineVertex>();
    lod.outlineRanges = r.array<Range>();
    lod.anchors = r.array<LabelAnchor>();
    if (!r.ok() || !r.atEnd()) return std::nullopt;
    // Ranges must lie within their arrays: a damaged level must not be drawn.
    for (const Range& x : lod.fillRanges)
        if (uint64_t(x.first) + x.count > lod.fill.size()) return std::nullopt;
    for (const Range& x : lod.outlineRanges)
        if (uint64_t(x.first) + x.count > lod.outline.vertices.size()) return std::nullopt;
    return lod;
}

}  // namespace bl::engine
