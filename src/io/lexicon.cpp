#include "io/lexicon.hpp"

#include <filesystem>
#include <optional>

#include "io/catalog.hpp"
#include "io/detail/json_file.hpp"

namespace bl::io {

namespace {

using nlohmann::json;

// The words of list `key`, or an error naming the file and the key.
Result<std::vector<std::string>> wordsOf(const json& doc, const std::string& path, const char* key,
                                         std::optional<size_t> count = std::nullopt) {
    const std::string where = "word list file " + path + ", key \"" + key + "\"";
    auto it = doc.find(key);
    if (it == doc.end()) return makeError(where + " is missing; every list the extractor uses must be present");
    if (!it->is_object() || !it->contains("words") || !(*it)["words"].is_array())
        return makeError(where + " must be an object with a \"words\" array");
    std::vector<std::string> out;
    for (const json& w : (*it)["words"]) {
        if (!w.is_string() || w.get<std::string>().empty())
            return makeError(where + " holds a word that is not a non-empty string");
        out.push_back(w.get<std::string>());
    }
    if (count && out.size() != *count)
        return makeError(where + " must have exactly " + std::to_string(*count) + " words, in order; it has " +
                         std::to_string(out.size()));
    return out;
}

// Fills the fields one list at a time; after the first bad list, `error`
// holds its message and the rest are skipped.
struct Filler {
    const json& doc;
    const std::string& path;
    std::optional<Error> error;

    void list(std::vector<std::string>& field, const char* key, std::optional<size_t> count = std::nullopt) {
        if (error) return;
        auto w = wordsOf(doc, path, key, count);
        if (!w)
            error = w.error();
        else
            field = std::move(*w);
    }
    void set(Lexicon::Words& field, const char* key) {
        std::vector<std::string> words;
        list(words, key);
        field = Lexicon::Words(words.begin(), words.end());
    }
};

}  // namespace

Result<Lexicon> loadLexicon(const std::string& path) {
    auto doc = readJsonFile(path, "word list file");
    if (!doc) return doc.error();
    if (!doc->is_object()) return makeError("word list file " + path + " must hold a JSON object of lists");
    Lexicon l;
    Filler f{*doc, path, std::nullopt};
    f.set(l.stopWords, "stop_words");
    f.set(l.vietnam, "vietnam");
    f.set(l.laos, "laos");
    f.set(l.thirdCountries, "third_countries");
    f.list(l.months, "months", 12);
    f.set(l.monthPrefixExceptions, "month_prefix_exceptions");
    f.list(l.weekdays, "weekdays", 7);
    f.list(l.ordinalDays, "ordinal_days", 31);
    f.set(l.abbreviations, "abbreviations");
    f.set(l.trailingMarkers, "trailing_markers");
    f.set(l.agencySignoffs, "agency_signoffs");
    f.set(l.provinceWords, "province_words");
    f.set(l.districtWords, "district_words");
    f.set(l.communeWords, "commune_words");
    f.set(l.villageWords, "village_words");
    f.set(l.cityWords, "city_words");
    f.set(l.twinningCues, "twinning_cues");
    f.set(l.sisterRelationNouns, "sister_relation_nouns");
    f.set(l.pactNouns, "pact_nouns");
    f.list(l.cooperationStems, "cooperation_stems");
    f.set(l.anaphors, "anaphors");
    f.set(l.signingVerbs, "signing_verbs");
    f.set(l.signedDocumentNouns, "signed_document_nouns");
    f.set(l.groupReferences, "group_references");
    f.set(l.counterpartWords, "counterpart_words");
    f.set(l.pairReferences, "pair_references");
    f.set(l.subjectPronouns, "subject_pronouns");
    f.set(l.gateAdjectives, "gate_adjectives");
    f.set(l.gateNouns, "gate_nouns");
    f.set(l.guardUnitNouns, "guard_unit_nouns");
    f.set(l.authorityWords, "authority_words");
    f.set(l.organisationHeads, "organisation_heads");
    f.set(l.parentPrepositions, "parent_prepositions");
    f.set(l.venueWords, "venue_words");
    f.set(l.reportingVerbs, "reporting_verbs");
    if (f.error) return *f.error;
    return l;
}

std::string defaultLexiconPath() {
    return (std::filesystem::path(defaultCatalogPath()).parent_path() / "news_words.json").string();
}

}  // namespace bl::io
