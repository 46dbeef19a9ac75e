#pragma once
// The Vietnamese administrative systems the catalog holds (the units before
// the 1 July 2025 reform and after it), as the catalog describes them. Code
// never names a vintage: it asks this policy which systems exist, which one
// is shown first, which levels each has and how to describe it. Built by
// io::loadCatalog from the catalog's layers and its "vietnamese_systems".
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"

namespace bl {

struct AdminSystem {
    std::string label;        // the vintage label its layers carry
    std::string description;  // e.g. "before the 2025 reform"; may be empty
    std::vector<Level> levels;  // levels with a Vietnamese layer, coarse to fine

    bool has(Level level) const;
    Level finest() const;
    // "2023 (before the 2025 reform)", or the label alone.
    std::string title() const;
};

struct VintagePolicy {
    std::vector<AdminSystem> systems;  // oldest first
    std::string current;               // label shown when none is asked for

    const AdminSystem* find(const std::string& label) const;
    // The system a question at `level` means when none is named: the current
    // one when it has that level, else the latest that has it, else current.
    std::string forLevel(Level level) const;
    // "2023 or 2025".
    std::string choices() const;
    // `label` when it is a system of the catalog; else an error naming `option`.
    Result<std::string> check(const std::string& label, const std::string& option) const;
};

// Systems from the Vietnamese layers' vintage labels (oldest first), with the
// descriptions given (label -> text); `current` empty = the system whose
// layers are still valid (no valid_to), else the latest.
VintagePolicy makeVintagePolicy(const std::vector<LayerSpec>& layers,
                                const std::vector<std::pair<std::string, std::string>>& descriptions,
                                const std::string& current);

}  // namespace bl
