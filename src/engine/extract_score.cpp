#include "engine/extract_score.hpp"

#include <filesystem>
#include <set>

#include "core/names/names.hpp"
#include "io/data_root.hpp"
#include "io/extraction_labels.hpp"

namespace bl::engine {

namespace fs = std::filesystem;

Result<LabelSet> loadLabels(const std::string& path) {
    auto raw = io::loadExtractionLabels(path);
    if (!raw) return raw.error();
    LabelSet set;
    set.file = path;
    std::string dir = fs::path(path).parent_path().string();
    if (raw->documents == "<documents root>") {
        auto root = io::resolveDocumentsRoot("");
        if (!root) return makeError("labels file " + path + " refers to the documents root: " + root.error().message);
        dir = *root;
    } else if (!raw->documents.empty()) {
        dir = (fs::path(dir) / raw->documents).string();
    }
    for (auto& a : raw->articles) {
        LabelledArticle out;
        out.file = (fs::path(dir) / a.file).string();
        out.kinds = std::move(a.kinds);
        for (auto& l : a.links) out.links.push_back({l.kind, l.vnProvince, l.laProvince});
        out.gates = std::move(a.gates);
        set.articles.push_back(std::move(out));
    }
    return set;
}

namespace {

// The short name of the province holding a resolved unit.
std::string provinceOf(const Dataset& data, const std::vector<ResolvedUnit>& units) {
    if (units.empty()) return "";
    const auto [layer, u] = data.provinceOf(units.front().layerId, units.front().unitId);
    if (!u) return "";
    return foldName(u->briefName());
}

using Key = std::vector<std::string>;

Counts compare(const std::set<Key>& want, const std::set<Key>& got, const std::string& file, const char* what,
               std::vector<std::string>& misses) {
    Counts c;
    auto show = [](const Key& k) {
        std::string s;
        for (const auto& x : k) s += (s.empty() ? "" : " | ") + (x.empty() ? std::string("?") : x);
        return s;
    };
    for (const auto& k : want) {
        if (got.count(k)) ++c.tp;
        else {
            ++c.fn;
            misses.push_back(file + ": missed " + what + " " + show(k));
        }
    }
    for (const auto& k : got)
        if (!want.count(k)) {
            ++c.fp;
            misses.push_back(file + ": extra " + what + " " + show(k));
        }
    return c;
}

bool samePath(const std::string& a, const std::string& b) {
    std::error_code ea, eb;
    const auto ca = fs::weakly_canonical(a, ea), cb = fs::weakly_canonical(b, eb);
    return !ea && !eb ? ca == cb : a == b;
}

}  // namespace

ExtractScore scoreExtraction(const News& news, const LabelSet& labels) {
    ExtractScore score;
    const Corpus& c = news.corpus;
    for (const auto& a : labels.articles) {
        size_t doc = c.documents.size();
        for (size_t i = 0; i < c.documents.size(); ++i)
            if (samePath(c.documents[i].file, a.file)) doc = i;
        const std::string file = fs::path(a.file).filename().string();
        if (doc == c.documents.size()) {
            score.misses.push_back(file + ": not among the documents read");
            continue;
        }
        std::set<Key> wantPairs, gotPairs, wantKinds, gotKinds, wantGates, gotGates;
        for (const auto& l : a.links) {
            wantPairs.insert({foldName(l.vnProvince), foldName(l.laProvince)});
            wantKinds.insert({l.kind, foldName(l.vnProvince), foldName(l.laProvince)});
        }
        for (const auto& l : c.links) {
            if (l.document != doc) continue;
            const std::string vn = provinceOf(*news.dataset, l.vn.units), la = provinceOf(*news.dataset, l.la.units);
            gotPairs.insert({vn, la});
            gotKinds.insert({toString(l.kind), vn, la});
        }
        for (const auto& [name, country] : a.gates) wantGates.insert({foldName(name), country});
        for (const auto& p : c.places)
            if (p.document == doc && p.kind == PlaceKind::BorderGate)
                gotGates.insert({p.gateName.empty() ? "not in the catalogue: " + p.name : foldName(p.gateName),
                                 p.country ? toString(*p.country) : "?"});
        std::vector<std::string> ignored;
        const Counts pairs = compare(wantPairs, gotPairs, file, "link", ignored);
        score.links += pairs;
        for (const auto& k : a.kinds) score.linksByDifficulty[k] += pairs;
        // Per kind: split the kind-aware comparison by kind.
        for (const char* kind : {"twinning", "cooperation_plan", "other"}) {
            std::set<Key> w, g;
            for (const auto& k : wantKinds)
                if (k[0] == kind) w.insert(k);
            for (const auto& k : gotKinds)
                if (k[0] == kind) g.insert(k);
            score.byKind[kind] += compare(w, g, file, "link", score.misses);
        }
        score.gates += compare(wantGates, gotGates, file, "gate", score.misses);
    }
    return score;
}

}  // namespace bl::engine
