#pragma once
// Resolution of place names from news text onto catalog units, in every
// vintage: Vietnamese names give one unit in the 2023 layers (province or
// district) and one in the 2025 layers (province or commune); Lao names one
// in the 2019 layers. Context narrows the search (the enclosing province,
// the level the text states, the country), curated facts fill what the
// layers lack (a town below the 2023 district level), and containment
// carries a unit across the 2025 reform. Never guesses silently: an
// unresolved or ambiguous name yields no unit and a reason.
//
// Thread-safety: const methods may be called from several threads.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/succession.hpp"
#include "core/news/documents.hpp"
#include "core/names/gazetteer.hpp"
#include "core/boundaries/model.hpp"

namespace bl {

// A named place below the finest level some vintage's layers have (a town
// or a pre-2025 commune), with the unit that contains it. Our own facts,
// each with a public source; read from geodata/localities.json by io/gates.
struct Locality {
    std::string name;                  // display name, e.g. "Khe Sanh"
    std::vector<std::string> aliases;  // other spellings
    std::string kind;                  // "town", "commune"
    Country country = Country::VN;
    std::string province;              // enclosing province (any vintage's name)
    std::string district;          // enclosing district in the Vietnamese system that has districts (VN only)
    std::string source;
};

// One side of a border gate pair of our catalogue (geodata/border_gates.json:
// every pair on the public lists, each with a cited source). `position`
// only where a public source gives a coordinate; otherwise the engine
// derives one from the border stretch the two districts share
// (engine/gate_positions) and marks it so.
struct CuratedGate {
    std::string id;                    // the pair's id, shared by both sides: "lao-bao"
    std::string level;                 // "international", "national" or "auxiliary"
    std::string name;                  // "Tây Trang"
    std::vector<std::string> aliases;
    Country country = Country::VN;
    std::string province;              // enclosing province as named in 2023 (VN) or 2019 (LA)
    std::string district;              // enclosing district (2023 VN / 2019 LA); empty when not known
    std::string province2025;          // VN only: after the 2025 reform
    std::string commune2025;           // VN only: the 2025 commune holding it; empty when not known
    std::string pairedWith;            // the gate facing it across the border
    std::optional<LonLat> position;    // cited; the same for both sides of a pair
    double precisionKm = 0.0;          // how far the position may be off
    std::string positionSource;
    bool derived = false;              // position placed by us (engine/gate_positions), not cited
    std::string source;
};

struct CuratedPlaces {
    std::vector<Locality> localities;
    std::vector<CuratedGate> gates;
    SuccessionTable succession;  // geodata/succession.json: pre-reform units and their successors
};

// What the text says about a place.
struct PlaceQuery {
    std::string name;                 // as written: "Se Pon", "Khe Sanh"
    std::optional<Level> level;       // stated by the text ("district", "province of")
    std::optional<Country> country;   // stated or implied by the text
    std::string parent;               // enclosing place as written ("Savannakhet"), may be empty
};

struct PlaceResolution {
    std::vector<ResolvedUnit> units;  // finest per vintage (VN: 2023 then 2025; LA: 2019)
    std::optional<Country> country;   // the side the name resolved on
    double confidence = 0.0;          // the lowest of the units'
    std::string reason;               // summary; why nothing was found when units is empty
};

// Fast answer for a bare name (no cue words around it): which countries and
// levels have a unit or curated place of exactly this name or alias.
struct NameFacts {
    bool vn = false;
    bool la = false;
    bool province = false;   // some province has this name
    bool belowProvince = false;
    bool known() const { return vn || la; }
};

class Resolver {
public:
    // data, aliases and curated must outlive the resolver.
    Resolver(const Dataset& data, const AliasTable& aliases, const CuratedPlaces& curated);
    ~Resolver();

    NameFacts facts(std::string_view name) const;
    PlaceResolution resolve(const PlaceQuery& q) const;

    // The curated gate of this name (or alias) on the given side, if any.
    const CuratedGate* gate(std::string_view name, std::optional<Country> country) const;
    // The longest name (or alias) of a catalogue gate spelled by the folded
    // words from `i` on ("lao", "bao" -> Lao Bảo): how many words it uses
    // (0: none) and the gates of that name, either side.
    size_t gateNameAt(const std::vector<std::string_view>& words, size_t i,
                      std::vector<const CuratedGate*>* gates = nullptr) const;
    // A curated gate's units: by containment of its position when it has
    // one, else by its stated district and province.
    PlaceResolution resolveGate(const CuratedGate& g) const;

    const Dataset& data() const { return m_data; }

private:
    PlaceResolution resolveGateUncached(const CuratedGate& g) const;

    struct Impl;
    const Dataset& m_data;
    const AliasTable& m_aliases;
    const CuratedPlaces& m_curated;
    std::unique_ptr<Impl> m;
};

}  // namespace bl
