#pragma once
// The succession table as a use-case: computed from the session's
// Vietnamese layers of every system, and checked against the public list of
// the 2025 mergers (geodata/mergers_2025.json). `borderlens succession`
// prints and writes it; the test suite checks the stored table with it.
#include <stop_token>
#include <string>
#include <vector>

#include "core/boundaries/succession.hpp"
#include "core/result.hpp"
#include "engine/session.hpp"
#include "io/succession.hpp"

namespace bl::engine {

// Loads every Vietnamese layer and computes the table (see core).
Result<SuccessionTable> computeSuccession(Session& session, std::stop_token stop = {});

// What disagrees between the table's provinces and the merger list: a
// pre-reform province whose largest successor is not the province the list
// names, or holds less than half of it. `notes` gets the list's provinces
// the data lacks (Quảng Ninh in the 2023 layer). Empty = they agree.
std::vector<std::string> checkMergers(const SuccessionTable& table, const io::MergerList& list,
                                      std::vector<std::string>* notes = nullptr);

// geodata/mergers_2025.json of this checkout.
std::string defaultMergerListPath();

}  // namespace bl::engine
