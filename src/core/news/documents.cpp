#include "core/news/documents.hpp"

namespace bl {

const char* toString(DateStatus s) {
    switch (s) {
    case DateStatus::Stated: return "stated";
    case DateStatus::Inferred: return "inferred";
    case DateStatus::Partial: return "partial";
    case DateStatus::Unknown: return "unknown";
    }
    return "unknown";
}

const char* toString(LinkKind k) {
    switch (k) {
    case LinkKind::Twinning: return "twinning";
    case LinkKind::CooperationPlan: return "cooperation_plan";
    case LinkKind::Other: return "other";
    }
    return "other";
}

const char* toString(PlaceKind k) { return k == PlaceKind::BorderGate ? "border_gate" : "border_station"; }

const ResolvedUnit* unitIn(const Party& p, const std::string& layerId) {
    for (const auto& u : p.units)
        if (u.layerId == layerId) return &u;
    return nullptr;
}

}  // namespace bl
