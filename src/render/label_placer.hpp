#pragma once
// Greedy label placement: candidates are taken by priority (lower first:
// overlay, province, district, commune), then by weight (larger first), and a
// candidate is kept only if its box (padded) overlaps no kept label and no
// obstacle and lies inside the viewport. So labels never overlap. Pixels.
#include <cstddef>
#include <vector>

#include "core/boundaries/geometry.hpp"

namespace bl::render {

struct LabelCandidate {
    Box box;            // screen pixels
    int priority = 0;   // lower = more important
    double weight = 0;  // within a priority, larger first
    // Alternative positions of one label share a group (>= 0) and follow each
    // other in preference order; at most one of a group is kept.
    long group = -1;
};

// Indices of the kept candidates, in placement order.
std::vector<size_t> placeLabels(const std::vector<LabelCandidate>& candidates, const std::vector<Box>& obstacles,
                                double viewportW, double viewportH, double paddingPx = 3.0);

}  // namespace bl::render
