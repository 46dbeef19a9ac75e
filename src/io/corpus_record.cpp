#include "io/corpus_record.hpp"

#include <nlohmann/json.hpp>

namespace bl::io {

using nlohmann::json;

namespace {

// The enum value whose toString() is `text`, over the first `count` values.
template <class E>
E enumNamed(const std::string& text, int count) {
    for (int i = 0; i < count; ++i)
        if (text == toString(E(i))) return E(i);
    throw std::invalid_argument("unknown value \"" + text + "\"");
}

json spanJson(Span s) { return json::array({s.begin, s.end}); }
Span spanOf(const json& j) { return {j.at(0).get<size_t>(), j.at(1).get<size_t>()}; }

json dateJson(const DocDate& d) {
    return {{"iso", d.iso}, {"status", toString(d.status)}, {"note", d.note}, {"ymd", {d.year, d.month, d.day}}};
}
DocDate dateOf(const json& j) {
    DocDate d;
    d.iso = j.at("iso").get<std::string>();
    d.status = enumNamed<DateStatus>(j.at("status").get<std::string>(), 4);
    d.note = j.at("note").get<std::string>();
    const json& ymd = j.at("ymd");
    d.year = ymd.at(0).get<int>(), d.month = ymd.at(1).get<int>(), d.day = ymd.at(2).get<int>();
    return d;
}

json unitsJson(const std::vector<ResolvedUnit>& units) {
    json a = json::array();
    for (const auto& u : units)
        a.push_back({{"layer", u.layerId}, {"id", u.unitId}, {"name", u.name}, {"level", toString(u.level)},
                     {"parent", u.parent}, {"vintage", u.vintage}, {"country", toString(u.country)},
                     {"confidence", u.confidence}, {"by", int(u.by)}, {"reason", u.reason}});
    return a;
}
std::vector<ResolvedUnit> unitsOf(const json& a) {
    std::vector<ResolvedUnit> out;
    for (const auto& j : a) {
        ResolvedUnit u;
        u.layerId = j.at("layer").get<std::string>();
        u.unitId = j.at("id").get<std::string>();
        u.name = j.at("name").get<std::string>();
        u.level = enumNamed<Level>(j.at("level").get<std::string>(), 3);
        u.parent = j.at("parent").get<std::string>();
        u.vintage = j.at("vintage").get<std::string>();
        u.country = enumNamed<Country>(j.at("country").get<std::string>(), 2);
        u.confidence = j.at("confidence").get<double>();
        const int by = j.at("by").get<int>();
        if (by < 0 || by > int(ResolvedBy::Succession)) throw std::invalid_argument("unknown resolution " + std::to_string(by));
        u.by = ResolvedBy(by);
        u.reason = j.at("reason").get<std::string>();
        out.push_back(std::move(u));
    }
    return out;
}

json partyJson(const Party& p) {
    return {{"name", p.name}, {"place", p.place}, {"parent_place", p.parentPlace}, {"country", toString(p.country)},
            {"span", spanJson(p.span)}, {"units", unitsJson(p.units)}, {"resolution", p.resolution},
            {"confidence", p.confidence}, {"reference", p.reference}};
}
Party partyOf(const json& j) {
    Party p;
    p.name = j.at("name").get<std::string>();
    p.place = j.at("place").get<std::string>();
    p.parentPlace = j.at("parent_place").get<std::string>();
    p.country = enumNamed<Country>(j.at("country").get<std::string>(), 2);
    p.span = spanOf(j.at("span"));
    p.units = unitsOf(j.at("units"));
    p.resolution = j.at("resolution").get<std::string>();
    p.confidence = j.at("confidence").get<double>();
    p.reference = j.at("reference").get<std::string>();
    return p;
}

// Runs a reader, turning what nlohmann or enumNamed throw into an error.
template <class T, class F>
Result<T> parsed(std::string_view record, const char* what, F read) {
    try {
        return read(json::parse(record));
    } catch (const std::exception& e) {
        return makeError(std::string("a ") + what + " record is damaged: " + e.what());
    }
}

}  // namespace

std::string documentRecord(const Document& d) {
    return json({{"body", spanJson(d.body)}, {"title", d.title}, {"date", dateJson(d.date)}, {"trailing_cut", d.trailingCut}})
        .dump();
}

Result<Document> documentFromRecord(std::string file, std::string text, std::string_view record) {
    return parsed<Document>(record, "document", [&](const json& j) {
        Document d;
        d.file = std::move(file);
        d.text = std::move(text);
        d.body = spanOf(j.at("body"));
        if (d.body.end > d.text.size() || d.body.begin > d.body.end) throw std::out_of_range("the body lies outside the text");
        d.title = j.at("title").get<std::string>();
        d.date = dateOf(j.at("date"));
        d.trailingCut = j.at("trailing_cut").get<std::string>();
        return d;
    });
}

std::string linkRecord(const Link& l) {
    return json({{"kind", toString(l.kind)}, {"date", dateJson(l.date)}, {"period", l.period}, {"vn", partyJson(l.vn)},
                 {"la", partyJson(l.la)}, {"confidence", l.confidence}, {"span", spanJson(l.span)},
                 {"cue", spanJson(l.cue)}, {"reason", l.reason}})
        .dump();
}

Result<Link> linkFromRecord(std::string_view record, size_t document) {
    return parsed<Link>(record, "link", [&](const json& j) {
        Link l;
        l.kind = enumNamed<LinkKind>(j.at("kind").get<std::string>(), 3);
        l.document = document;
        l.date = dateOf(j.at("date"));
        l.period = j.at("period").get<std::string>();
        l.vn = partyOf(j.at("vn"));
        l.la = partyOf(j.at("la"));
        l.confidence = j.at("confidence").get<double>();
        l.span = spanOf(j.at("span"));
        l.cue = spanOf(j.at("cue"));
        l.reason = j.at("reason").get<std::string>();
        return l;
    });
}

std::string placeRecord(const Place& p) {
    json j = {{"kind", toString(p.kind)}, {"name", p.name}, {"gate_id", p.gateId}, {"gate_name", p.gateName},
              {"country", p.country ? json(toString(*p.country)) : json(nullptr)}, {"units", unitsJson(p.units)},
              {"source", p.source}, {"approximate", p.approximate}, {"span", spanJson(p.span)},
              {"resolution", p.resolution}};
    if (p.position) j["position"] = {p.position->lon, p.position->lat};
    return j.dump();
}

Result<Place> placeFromRecord(std::string_view record, size_t document) {
    return parsed<Place>(record, "place", [&](const json& j) {
        Place p;
        p.kind = enumNamed<PlaceKind>(j.at("kind").get<std::string>(), 2);
        p.name = j.at("name").get<std::string>();
        p.gateId = j.at("gate_id").get<std::string>();
        p.gateName = j.at("gate_name").get<std::string>();
        if (!j.at("country").is_null()) p.country = enumNamed<Country>(j.at("country").get<std::string>(), 2);
        p.document = document;
        p.units = unitsOf(j.at("units"));
        if (j.contains("position")) p.position = LonLat{j["position"].at(0).get<double>(), j["position"].at(1).get<double>()};
        p.source = j.at("source").get<std::string>();
        p.approximate = j.at("approximate").get<bool>();
        p.span = spanOf(j.at("span"));
        p.resolution = j.at("resolution").get<std::string>();
        return p;
    });
}

}  // namespace bl::io
