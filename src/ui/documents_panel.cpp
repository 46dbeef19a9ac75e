#include "ui/documents_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <map>
#include <sstream>
#include <utility>

#include "core/names/names.hpp"

namespace bl::ui {

std::string documentSearchKey(std::string_view title, std::string_view source) {
    const size_t slash = source.find_last_of("/\\");
    const std::string_view file = slash == std::string_view::npos ? source : source.substr(slash + 1);
    std::string both(title);
    both += '\n';
    both += file;
    return foldText(both);
}

namespace {

// The years the row has: its own and its links'; 0 entries skipped.
template <typename F>
void forEachYear(const DocumentRow& r, F&& f) {
    if (r.year) f(r.year);
    for (int y : r.linkYears)
        if (y) f(y);
}

bool passesYears(const DocumentRow& r, const DocumentFilter& f) {
    const int lo = f.yearFrom ? f.yearFrom : INT_MIN, hi = f.yearTo ? f.yearTo : INT_MAX;
    bool dated = false, inRange = false;
    forEachYear(r, [&](int y) {
        dated = true;
        inRange = inRange || (y >= lo && y <= hi);
    });
    return dated ? inRange : f.undated;
}

bool passesKinds(const DocumentRow& r, const LinkKinds& k) {
    return k.all() || (k.twinning && r.kinds.twinning) || (k.cooperationPlan && r.kinds.cooperationPlan) ||
           (k.other && r.kinds.other);
}

std::vector<std::string> words(const std::string& folded) {
    std::vector<std::string> out;
    std::istringstream in(folded);
    for (std::string w; in >> w;) out.push_back(std::move(w));
    return out;
}

}  // namespace

std::vector<size_t> filterDocuments(const std::vector<DocumentRow>& rows, const DocumentFilter& filter) {
    const std::vector<std::string> query = words(foldText(filter.text));
    std::vector<size_t> out;
    for (size_t i = 0; i < rows.size(); ++i) {
        const DocumentRow& r = rows[i];
        if (!passesYears(r, filter) || !passesKinds(r, filter.kinds)) continue;
        if (filter.province && std::find(r.provinces.begin(), r.provinces.end(), *filter.province) == r.provinces.end())
            continue;
        if (!std::all_of(query.begin(), query.end(),
                         [&](const std::string& w) { return r.searchKey.find(w) != std::string::npos; }))
            continue;
        out.push_back(i);
    }
    return out;
}

size_t LinkTimeline::count(int year) const {
    if (perYear.empty() || year < firstYear || year >= firstYear + int(perYear.size())) return 0;
    return perYear[size_t(year - firstYear)];
}

size_t LinkTimeline::busiest() const { return perYear.empty() ? 0 : *std::max_element(perYear.begin(), perYear.end()); }

LinkTimeline linksPerYear(const std::vector<DocumentRow>& rows, const std::vector<size_t>& indices, int firstYear,
                          int lastYear) {
    LinkTimeline t;
    int lo = firstYear ? firstYear : INT_MAX, hi = lastYear ? lastYear : INT_MIN;
    for (size_t i : indices)
        for (int y : rows[i].linkYears)
            if (y) lo = std::min(lo, y), hi = std::max(hi, y);
    if (lo > hi) {  // no year at all
        for (size_t i : indices) t.undated += rows[i].linkYears.size();
        return t;
    }
    t.firstYear = lo;
    t.perYear.assign(size_t(hi - lo + 1), 0);
    for (size_t i : indices)
        for (int y : rows[i].linkYears)
            if (y)
                ++t.perYear[size_t(y - lo)];
            else
                ++t.undated;
    return t;
}

DocumentFacets documentFacets(const std::vector<DocumentRow>& rows) {
    DocumentFacets f;
    std::map<std::pair<int, std::string>, size_t> provinces;  // (country, name) -> documents
    int lo = INT_MAX, hi = INT_MIN;
    for (const DocumentRow& r : rows) {
        bool dated = false;
        forEachYear(r, [&](int y) {
            dated = true;
            lo = std::min(lo, y), hi = std::max(hi, y);
        });
        f.undated += dated ? 0 : 1;
        f.twinning += r.kinds.twinning, f.cooperationPlan += r.kinds.cooperationPlan, f.other += r.kinds.other;
        for (const DocumentProvince& p : r.provinces) ++provinces[{int(p.country), p.name}];
    }
    if (lo <= hi) f.firstYear = lo, f.lastYear = hi;
    std::vector<std::pair<std::string, DocumentFacets::Province>> sorted;
    for (const auto& [key, n] : provinces)
        sorted.push_back({foldText(key.second), {{key.second, Country(key.first)}, n}});
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        const int ca = int(a.second.province.country), cb = int(b.second.province.country);
        return ca != cb ? ca < cb : a.first < b.first;
    });
    for (auto& s : sorted) f.provinces.push_back(std::move(s.second));
    return f;
}

bool DocumentList::update(const std::vector<DocumentRow>& rows, const std::shared_ptr<const void>& source) {
    const bool sameSource = !m_source.owner_before(source) && !source.owner_before(m_source);
    const bool newData = !m_hasData || !sameSource || rows.size() != m_rows;
    if (newData) {
        m_source = source;
        m_rows = rows.size();
        m_hasData = true;
        m_facets = documentFacets(rows);
    } else if (filter == m_applied) {
        return false;
    }
    m_applied = filter;
    m_shown = filterDocuments(rows, filter);
    m_timeline = linksPerYear(rows, m_shown, m_facets.firstYear, m_facets.lastYear);
    ++m_generation;
    return true;
}

namespace {

const ImVec4 kEvidence{1.0f, 0.85f, 0.3f, 1.0f};
const ImVec4 kOtherEvidence{0.55f, 0.8f, 1.0f, 1.0f};

// The text paragraph by paragraph; each evidence span as its own block in
// its colour. Returns after scrolling to the selected span once.
void drawText(const DocumentRow& d, bool& scroll) {
    const std::string& t = *d.text;
    size_t at = 0;
    auto plain = [&](size_t from, size_t to) {
        while (from < to) {  // paragraph by paragraph, so blank lines stay
            size_t nl = t.find('\n', from);
            if (nl == std::string::npos || nl > to) nl = to;
            if (nl > from)
                ImGui::TextWrapped("%.*s", int(nl - from), t.data() + from);
            else if (nl < to)
                ImGui::Spacing();
            from = nl + 1;
        }
    };
    for (const TextSpan& s : d.spans) {
        if (s.begin < at || s.end > t.size() || s.begin >= s.end) continue;
        plain(at, s.begin);
        ImGui::PushStyleColor(ImGuiCol_Text, s.selected ? kEvidence : kOtherEvidence);
        ImGui::TextWrapped("%.*s", int(s.end - s.begin), t.data() + s.begin);
        ImGui::PopStyleColor();
        if (s.selected && scroll) {
            ImGui::SetScrollHereY(0.3f);
            scroll = false;
        }
        at = s.end;
    }
    plain(at, t.size());
}

// The next widget on this line when `width` still fits, else on the next.
void sameLineIfFits(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float checkboxWidth(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

std::string provinceLabel(const DocumentProvince& p) { return p.name + " (" + toString(p.country) + ")"; }

std::string fileName(const std::string& source) {
    const size_t slash = source.find_last_of("/\\");
    return slash == std::string::npos ? source : source.substr(slash + 1);
}

std::string provincesText(const DocumentRow& r) {
    std::string s;
    for (const auto& p : r.provinces) s += (s.empty() ? "" : ", ") + p.name;
    return s;
}

std::string kindsText(const LinkKinds& k) {
    std::string s;
    for (auto [on, name] :
         {std::pair{k.twinning, "twinning"}, {k.cooperationPlan, "cooperation plan"}, {k.other, "other"}})
        if (on) s += (s.empty() ? "" : ", ") + std::string(name);
    return s;
}

}  // namespace

// Text, years (a range and the undated), province, link kinds: one line
// each, so the narrow sidebar at 1100x700 cuts nothing.
void DocumentsPanel::drawFilters() {
    DocumentFilter& f = m_list.filter;
    const DocumentFacets& facets = m_list.facets();
    const float fs = ImGui::GetFontSize();
    char label[160];
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##text", "title or file, with or without diacritics", m_text, sizeof m_text))
        f.text = m_text;

    if (facets.lastYear > facets.firstYear) {
        int from = f.yearFrom ? f.yearFrom : facets.firstYear, to = f.yearTo ? f.yearTo : facets.lastYear;
        ImGui::SetNextItemWidth(-6.0f * fs);
        if (ImGui::DragIntRange2("years", &from, &to, 0.1f, facets.firstYear, facets.lastYear, "from %d", "to %d",
                                 ImGuiSliderFlags_AlwaysClamp)) {
            f.yearFrom = from <= facets.firstYear ? 0 : from;
            f.yearTo = to >= facets.lastYear ? 0 : to;
        }
    } else if (facets.firstYear) {
        ImGui::TextDisabled("every dated document: %d", facets.firstYear);
    }
    std::snprintf(label, sizeof label, "no year (%zu)###undated", facets.undated);
    ImGui::Checkbox(label, &f.undated);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Documents whose date gives no year (partial or unknown), nor do their links'");

    ImGui::SetNextItemWidth(-6.0f * fs);
    const std::string preview = f.province ? provinceLabel(*f.province) : std::string("any");
    if (ImGui::BeginCombo("province", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable("any", !f.province)) f.province.reset();
        for (size_t i = 0; i < facets.provinces.size(); ++i) {
            const auto& p = facets.provinces[i];
            std::snprintf(label, sizeof label, "%s  %zu###p%zu", provinceLabel(p.province).c_str(), p.documents, i);
            if (ImGui::Selectable(label, f.province == p.province)) f.province = p.province;
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Either side's province a document's links resolve to, in any system");

    const std::pair<bool*, std::pair<const char*, size_t>> kinds[] = {
        {&f.kinds.twinning, {"twinning", facets.twinning}},
        {&f.kinds.cooperationPlan, {"cooperation plan", facets.cooperationPlan}},
        {&f.kinds.other, {"other", facets.other}}};
    for (size_t i = 0; i < 3; ++i) {
        std::snprintf(label, sizeof label, "%s (%zu)###kind%zu", kinds[i].second.first, kinds[i].second.second, i);
        if (i > 0) sameLineIfFits(checkboxWidth(label));
        ImGui::Checkbox(label, kinds[i].first);
    }
}

// Links per year of the shown documents over the years of all documents (the
// bars stay put while filtering); a click shows that year only, again: all.
void DocumentsPanel::drawTimeline() {
    const LinkTimeline& t = m_list.timeline();
    DocumentFilter& f = m_list.filter;
    if (t.perYear.empty()) {
        if (t.undated) ImGui::TextDisabled("%zu link%s, none with a year", t.undated, t.undated == 1 ? "" : "s");
        return;
    }
    const float fs = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x, barsHeight = 2.5f * fs;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("timeline", ImVec2(std::max(width, 1.0f), barsHeight + fs + 2.0f));
    const bool hovered = ImGui::IsItemHovered();
    const size_t n = t.perYear.size();
    const float slot = width / float(n), gap = slot >= 6.0f ? std::max(1.0f, slot * 0.15f) : 0.0f;
    int hover = -1;
    if (hovered) hover = std::clamp(int((ImGui::GetIO().MousePos.x - at.x) / slot), 0, int(n) - 1);
    const size_t busiest = std::max<size_t>(1, t.busiest());
    const int lo = f.yearFrom ? f.yearFrom : INT_MIN, hi = f.yearTo ? f.yearTo : INT_MAX;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float base = at.y + barsHeight;
    dl->AddLine(ImVec2(at.x, base), ImVec2(at.x + width, base), ImGui::GetColorU32(ImGuiCol_Separator));
    // Year labels under the bars, as many as fit.
    const float labelWidth = ImGui::CalcTextSize("2000").x + 0.5f * fs;
    const size_t every = std::max<size_t>(1, size_t(labelWidth / slot) + 1);
    for (size_t i = 0; i < n; ++i) {
        const int year = t.firstYear + int(i);
        const float x0 = at.x + float(i) * slot + gap * 0.5f, x1 = at.x + float(i + 1) * slot - gap * 0.5f;
        const bool inRange = year >= lo && year <= hi;
        const ImU32 colour = int(i) == hover ? ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered)
                                             : ImGui::GetColorU32(ImGuiCol_PlotHistogram, inRange ? 1.0f : 0.3f);
        if (t.perYear[i]) {
            const float h = std::max(2.0f, barsHeight * float(t.perYear[i]) / float(busiest));
            dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(std::max(x1, x0 + 1.0f), base), colour);
        }
        if (i % every == 0 || i + 1 == n) {
            char y[16];
            std::snprintf(y, sizeof y, "%d", year);
            const float w = ImGui::CalcTextSize(y).x;
            const float x = std::clamp(at.x + (float(i) + 0.5f) * slot - w * 0.5f, at.x, at.x + width - w);
            if (i + 1 == n || x + w < at.x + width - labelWidth)  // the last year's label wins
                dl->AddText(ImVec2(x, base + 1.0f), ImGui::GetColorU32(ImGuiCol_TextDisabled), y);
        }
    }
    if (hover >= 0) {
        const int year = t.firstYear + hover;
        const size_t links = t.perYear[size_t(hover)];
        const bool only = f.yearFrom == year && f.yearTo == year;
        if (only || links > 0) {  // a year without links would show nothing
            ImGui::SetTooltip("%d: %zu link%s of the documents shown\nclick: %s", year, links, links == 1 ? "" : "s",
                              only ? "every year again" : "this year only");
            if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
                if (only)
                    f.yearFrom = f.yearTo = 0, f.undated = true;
                else
                    f.yearFrom = f.yearTo = year, f.undated = false;
            }
        } else {
            ImGui::SetTooltip("%d: no links of the documents shown", year);
        }
    }
    if (t.busiest() > 0 && t.undated)
        ImGui::TextDisabled("links per year (busiest %zu), %zu without a year", t.busiest(), t.undated);
    else if (t.busiest() > 0)
        ImGui::TextDisabled("links per year (busiest %zu)", t.busiest());
    else if (t.undated)
        ImGui::TextDisabled("%zu link%s, none with a year", t.undated, t.undated == 1 ? "" : "s");
    else
        ImGui::TextDisabled("no links in the documents shown");
}

// Two lines a document, through the clipper: only the visible rows are drawn.
void DocumentsPanel::drawList(const std::vector<DocumentRow>& rows) {
    const std::vector<size_t>& shown = m_list.shown();
    if (shown.empty()) {
        ImGui::TextDisabled("no document passes these filters");
        return;
    }
    if (!ImGui::BeginChild("documents")) {
        ImGui::EndChild();
        return;
    }
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGuiListClipper clipper;
    clipper.Begin(int(shown.size()), 2.0f * line);
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const size_t i = shown[size_t(k)];
            const DocumentRow& d = rows[i];
            ImGui::PushID(int(i));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (k % 2)  // every other row shaded, as tables do: two lines read as one document
                ImGui::GetWindowDrawList()->AddRectFilled(
                    at, ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y + 2.0f * line),
                    ImGui::GetColorU32(ImGuiCol_TableRowBgAlt));
            if (ImGui::Selectable("##doc", !d.evidence.empty(), 0,
                                  ImVec2(0, 2.0f * line - ImGui::GetStyle().ItemSpacing.y)) &&
                d.text)
                open(i);
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
                ImGui::TextWrapped("%s", d.title.c_str());
                ImGui::TextDisabled("%s · %zu link%s%s%s", d.date.c_str(), d.links, d.links == 1 ? "" : "s",
                                    d.links ? ": " : "", kindsText(d.kinds).c_str());
                if (!d.provinces.empty()) ImGui::TextWrapped("%s", provincesText(d).c_str());
                ImGui::TextDisabled("%s", d.source.c_str());
                if (!d.evidence.empty()) ImGui::TextColored(kEvidence, "“%s”", d.evidence.c_str());
                if (d.text) ImGui::TextDisabled("click to read");
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::SetCursorScreenPos(at);
            ImGui::TextDisabled("%s", d.date.c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted(d.title.c_str());
            if (!d.evidence.empty()) {
                ImGui::TextColored(kEvidence, "  “%s”", d.evidence.c_str());
            } else {
                const std::string where = provincesText(d);
                ImGui::TextDisabled("  %zu link%s%s%s · %s", d.links, d.links == 1 ? "" : "s",
                                    where.empty() ? "" : " · ", where.c_str(), fileName(d.source).c_str());
            }
            ImGui::PopID();
        }
    ImGui::EndChild();
}

void DocumentsPanel::drawReader(const DocumentRow& d) {
    if (ImGui::Button("< All documents")) {
        m_reading = -1;
        return;
    }
    ImGui::TextWrapped("%s", d.title.c_str());
    ImGui::TextDisabled("%s  %s", d.date.c_str(), d.source.c_str());
    ImGui::TextColored(kEvidence, "selected link");
    ImGui::SameLine();
    ImGui::TextColored(kOtherEvidence, "other links");
    ImGui::Separator();
    if (ImGui::BeginChild("text")) drawText(d, m_scroll);
    ImGui::EndChild();
}

void DocumentsPanel::drawContent(const std::vector<DocumentRow>* rows, const std::shared_ptr<const void>& source) {
    if (!rows) {
        ImGui::TextDisabled("not available yet (documents)");
        return;
    }
    if (m_reading >= 0 && size_t(m_reading) < rows->size() && (*rows)[size_t(m_reading)].text) {
        drawReader((*rows)[size_t(m_reading)]);
        if (m_reading >= 0) return;
        // "< All documents" was clicked: the list in this same frame, not an
        // empty panel until the next event wakes the viewer.
    }
    // Filters edited this frame take effect before what depends on them is
    // drawn; an update without a change costs a comparison.
    m_list.update(*rows, source);
    drawFilters();
    m_list.update(*rows, source);
    ImGui::Text("%zu of %zu documents", m_list.shown().size(), rows->size());
    if (!(m_list.filter == DocumentFilter{})) {
        ImGui::SameLine();
        if (ImGui::SmallButton("show all")) {
            m_list.filter = {};
            m_text[0] = '\0';
        }
    }
    m_list.update(*rows, source);
    drawTimeline();
    ImGui::Separator();
    m_list.update(*rows, source);
    drawList(*rows);
}

}  // namespace bl::ui
