#pragma once
// Spelling- and diacritic-tolerant lookup of administrative units across all
// layers of a Dataset. Built once (O(units)), queried from any thread.
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/names/names.hpp"

namespace bl {

struct UnitRef {
    const Layer* layer = nullptr;
    const AdminUnit* unit = nullptr;
};

// How a query matched one of a unit's names. Decisions look at this; the
// text of toString() is for people.
enum class MatchKind { None, Exact, Spacing, Alias, WithParent, Prefix, Fuzzy, FuzzyAlias };
const char* toString(MatchKind k);  // "exact", "spacing", "alias", "with parent", "prefix", "fuzzy", "fuzzy alias"

struct GazetteerMatch {
    UnitRef ref;
    double score = 0.0;   // 1.0 exact folded match; lower for alias/fuzzy
    MatchKind kind = MatchKind::None;
    std::string reason;   // toString(kind)
};

// Prefix and fuzzy matches are guesses: a front-end that acts on one says
// which unit it took. What it says when it acts on `m`, found for `query` given with
// `option`: "--unit 'Huong Hao' names no unit exactly; taking the closest
// (fuzzy match): Huyện Hướng Hóa, Tỉnh Quảng Trị". Empty when `m` is no guess.
std::string guessNote(const std::string& option, const std::string& query, const GazetteerMatch& m);

struct FindOptions {
    std::optional<Country> country;
    std::optional<Level> level;
    std::string layerId;         // restrict to one layer
    std::string parentFolded;    // restrict to units whose parent folds to this
    double minScore = 0.7;
    size_t limit = 20;
};

class Gazetteer {
public:
    // The dataset and alias table must outlive the gazetteer.
    Gazetteer(const Dataset& data, const AliasTable& aliases);

    std::vector<GazetteerMatch> find(const std::string& query, const FindOptions& opt = {}) const;

    // Score one query against one unit's names (0 when nothing matches).
    double score(const std::string& foldedQuery, size_t entryIndex, MatchKind* kind) const;

    const AliasTable& aliases() const { return m_aliases; }

private:
    struct Entry {
        UnitRef ref;
        std::vector<std::string> keys;     // folded names
        std::string parentKey;             // folded parent name
    };
    const AliasTable& m_aliases;
    std::vector<Entry> m_entries;
};

}  // namespace bl
