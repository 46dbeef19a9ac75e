#include "engine/succession.hpp"

#include <filesystem>
#include <map>

#include "core/names/names.hpp"
#include "io/gates.hpp"

namespace bl::engine {

Result<SuccessionTable> computeSuccession(Session& session, std::stop_token stop) {
    std::vector<std::string> ids;
    for (const auto& l : session.catalog().layers)
        if (l.country == Country::VN) ids.push_back(l.id);
    auto data = session.load(ids, {}, stop);
    if (!data) return data.error();
    SuccessionOptions o;
    o.stop = stop;
    SuccessionTable t = bl::computeSuccession(**data, session.vintages(), o);
    if (stop.stop_requested()) return makeError("the succession table was cancelled");
    return t;
}

std::vector<std::string> checkMergers(const SuccessionTable& table, const io::MergerList& list,
                                      std::vector<std::string>* notes) {
    std::map<std::string, std::string> expected;  // folded earlier name -> later name
    for (const auto& [later, from] : list.provinces)
        for (const auto& f : from) expected[foldName(f)] = later;
    std::vector<std::string> problems;
    std::map<std::string, bool> seen;
    for (const auto& s : table.units) {
        if (s.level != Level::Province) continue;
        const Successor* top = nullptr;
        for (const auto& t : s.to)  // a province's successors are provinces
            if (!top || t.share > top->share) top = &t;
        auto it = expected.find(foldName(s.name));
        if (it == expected.end()) {
            problems.push_back(s.name + " (" + s.vintage + ") is not on the merger list");
            continue;
        }
        seen[it->first] = true;
        if (!top) problems.push_back(s.name + " (" + s.vintage + ") has no successor; the list says " + it->second);
        else if (foldName(top->name) != foldName(it->second))
            problems.push_back(s.name + " (" + s.vintage + ") passes most of its area to " + top->name +
                               "; the list says " + it->second);
        else if (top->share < 0.5)
            problems.push_back(s.name + " (" + s.vintage + ") passes only " +
                               std::to_string(int(top->share * 100)) + "% of its area to " + top->name);
    }
    if (notes)
        for (const auto& [later, from] : list.provinces)
            for (const auto& f : from)
                if (!seen.count(foldName(f))) notes->push_back(f + " (\u2192 " + later + ") is on the list but not in the data");
    return problems;
}

std::string defaultMergerListPath() {
    return (std::filesystem::path(io::defaultGeodataDir()) / "mergers_2025.json").string();
}

}  // namespace bl::engine
