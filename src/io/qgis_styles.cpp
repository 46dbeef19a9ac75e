#include "io/qgis_styles.hpp"

#include <utility>
#include <vector>

namespace bl::io {

namespace {

using Props = std::vector<std::pair<std::string, std::string>>;

std::string symbol(const std::string& name, const char* type, const char* layerClass, const Props& props) {
    std::string s = "<symbol name=\"" + name + "\" type=\"" + type + "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">";
    s += "<layer class=\"" + std::string(layerClass) + "\" enabled=\"1\" locked=\"0\" pass=\"0\">";
    for (const auto& [k, v] : props) s += "<prop k=\"" + k + "\" v=\"" + v + "\"/>";
    return s + "</layer></symbol>";
}

std::string document(const std::string& renderer, const std::string& labeling = {}) {
    return "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling\">" + renderer + labeling + "</qgis>";
}

std::string single(const std::string& sym) {
    return "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><symbols>" + sym +
           "</symbols></renderer-v2>";
}

// Categories of `attr`: value, label, symbol.
std::string categorized(const std::string& attr, const std::vector<std::pair<std::string, std::string>>& cats,
                        const std::vector<std::string>& symbols) {
    std::string s = "<renderer-v2 type=\"categorizedSymbol\" attr=\"" + attr +
                    "\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><categories>";
    for (size_t i = 0; i < cats.size(); ++i)
        s += "<category render=\"true\" symbol=\"" + std::to_string(i) + "\" value=\"" + cats[i].first + "\" label=\"" +
             cats[i].second + "\"/>";
    s += "</categories><symbols>";
    for (const auto& sym : symbols) s += sym;
    return s + "</symbols></renderer-v2>";
}

std::string line(const std::string& name, const char* rgba, const char* width, const char* style) {
    return symbol(name, "line", "SimpleLine",
                  {{"line_color", rgba}, {"line_width", width}, {"line_width_unit", "MM"}, {"line_style", style},
                   {"capstyle", "round"}, {"joinstyle", "round"}});
}

std::string marker(const std::string& name, const char* shape, const char* fill, const char* size) {
    return symbol(name, "marker", "SimpleMarker",
                  {{"name", shape}, {"color", fill}, {"outline_color", "35,35,35,255"}, {"outline_width", "0.3"},
                   {"outline_width_unit", "MM"}, {"size", size}, {"size_unit", "MM"}});
}

// Labels of a field or an expression, XML-escaped (placement: 0 around a
// point, 2 along a line).
std::string labels(const std::string& field, const char* size, const char* placement, bool expression = false) {
    return "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"" + field +
           "\" isExpression=\"" + (expression ? "1" : "0") + "\" fontFamily=\"Noto Sans\" namedStyle=\"Regular\" fontWeight=\"50\" fontItalic=\"0\" "
           "fontSize=\"" + size + "\" fontSizeUnit=\"Point\" textColor=\"40,40,40,255\" textOpacity=\"1\" "
           "blendMode=\"0\" multilineHeight=\"1\"><text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" "
           "bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"1\" bufferNoFill=\"1\" "
           "bufferJoinStyle=\"128\" bufferBlendMode=\"0\"/></text-style><placement placement=\"" + placement +
           "\" dist=\"1\" distUnits=\"MM\" placementFlags=\"10\" priority=\"5\"/><rendering drawLabels=\"1\" "
           "obstacle=\"1\" scaleVisibility=\"0\" upsidedownLabels=\"0\" displayAll=\"0\" limitNumLabels=\"0\"/>"
           "</settings></labeling>";
}

}  // namespace

std::string qgisStyle(const std::string& table) {
    // Lengths as everywhere else: one decimal (engine/figures).
    // Colours of render/map_style: links amber (twinning) and blue (plans),
    // shared borders red, gates dark.
    if (table == "link_lines")
        return document(categorized("kind", {{"twinning", "Twinning"}, {"cooperation_plan", "Cooperation plan"}, {"other", "Other link"}},
                                    {line("0", "222,140,20,255", "0.7", "dash"), line("1", "40,110,200,255", "0.7", "dash"),
                                     line("2", "120,120,120,255", "0.5", "dot")}));
    if (table == "pair_borders")
        return document(single(line("0", "200,30,40,255", "1.2", "solid")), labels("concat(format_number(&quot;shared_km&quot;, 1), ' km')", "8", "2", true));
    if (table == "places")
        return document(categorized("kind", {{"border_gate", "Border gate (named)"}, {"border_station", "Border station"}},
                                    {marker("0", "triangle", "250,200,60,255", "3"), marker("1", "square", "120,170,90,255", "2.6")}),
                        labels("name", "8", "0"));
    if (table == "gates") return document(single(marker("0", "diamond", "30,30,30,255", "3")), labels("name", "8", "0"));
    return {};
}

}  // namespace bl::io
