#pragma once
// How well the extractor does on a hand-labelled corpus: precision and
// recall of links per kind at province level (a link is its kind and its
// pair of provinces: the pre-reform Vietnamese province, the Lao province)
// and of border-gate mentions (the catalogue gate of each side). Labels are
// written by hand before the extractor runs on the articles
// (tests/fixtures/articles/labels.json; tests/fixtures/seed_labels.json for
// the shared articles and our first fixtures). `borderlens bench extract`
// prints these figures; the test suite holds them to a floor.
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "engine/news.hpp"

namespace bl::engine {

struct LabelledLink {
    std::string kind;  // "twinning", "cooperation_plan", "other"
    std::string vnProvince, laProvince;
};

struct LabelledArticle {
    std::string file;               // path as read (resolved against the labels file)
    std::vector<std::string> kinds; // difficulty kinds ("misspelled_lao", "trap", ...)
    std::vector<LabelledLink> links;
    std::vector<std::pair<std::string, std::string>> gates;  // catalogue name, "VN"/"LA"
};

struct LabelSet {
    std::string file;
    std::vector<LabelledArticle> articles;
};

// Reads a labels file: {"documents": DIR (optional: relative to the file;
// "<documents root>" = the shared documents), "articles": [{"file",
// "kinds", "links": [{"kind", "vn_province", "la_province"}], "gates":
// [{"name", "country"}]}]}.
Result<LabelSet> loadLabels(const std::string& path);

struct Counts {
    size_t tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    Counts& operator+=(const Counts& o) { tp += o.tp; fp += o.fp; fn += o.fn; return *this; }
};

struct ExtractScore {
    Counts links;                          // province pairs, any kind
    std::map<std::string, Counts> byKind;  // province pairs of one link kind
    Counts gates;
    std::map<std::string, Counts> linksByDifficulty;  // articles of that difficulty kind
    std::vector<std::string> misses;       // "file: missed twinning Quảng Trị – Savannakhet", "file: extra ..."
};

// Scores what `news` found in the labelled articles (every labelled file
// must be among news.corpus.documents).
ExtractScore scoreExtraction(const News& news, const LabelSet& labels);

}  // namespace bl::engine
