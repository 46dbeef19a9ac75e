#include "app/export_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "engine/news.hpp"
#include "render/map_export.hpp"

namespace bl::app {

namespace {

double secondsNow() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string outcomeText(const Result<render::ExportOutcome>& r) {
    char msg[900];
    if (r)
        std::snprintf(msg, sizeof msg, "Wrote %s (%.1f MiB) in %.1f s", r->files.png.c_str(), double(r->bytes) / 1048576.0,
                      r->renderSeconds + r->writeSeconds);
    else
        std::snprintf(msg, sizeof msg, "Export failed: %s", r.error().message.c_str());
    return msg;
}

// The view's part the image shows: the largest box of the image's
// proportions inside it, centred (all of it with the view's proportions).
Box viewFrame(const Box& v, int width, int height) {
    const double aspect = double(width) / height;
    const double w = std::min(v.maxX - v.minX, (v.maxY - v.minY) * aspect), h = w / aspect;
    const Vec2 c = v.center();
    return {c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2};
}

// The request without the viewer's overlay (the preview does not need it).
Result<engine::ExportRequest> baseRequest(const ui::ExportOptions& o, const ExportView& v) {
    engine::ExportRequest r;
    r.output = o.path;
    r.width = o.width;
    r.height = o.height;
    r.dpi = o.dpi;
    r.vintage = v.vnVintage;
    r.layers = engine::layersToName(*v.data->dataset, v.vnVintage, v.layerVisible);
    r.labels = v.labels;
    r.georef = o.georef;
    r.force = o.force;
    r.title = o.title;
    r.selected = v.selected;
    switch (o.frame) {
        case ui::ExportFrame::View:
            if (v.visible.empty()) return makeError("The view is not known yet.");
            r.frame = viewFrame(v.visible, o.width, o.height);
            r.frameIsImage = true;
            break;
        case ui::ExportFrame::Pair:
            if (!v.shownLink) return makeError("No twinned pair is shown: show one in Pairs, or choose another frame.");
            r.pair = int(*v.shownLink);
            break;
        case ui::ExportFrame::Unit:
            if (!v.data->dataset->unitOf(v.selected))
                return makeError("No unit is selected: select one on the map or in Search, or choose another frame.");
            r.focusUnit = v.selected;
            break;
        case ui::ExportFrame::BorderArea:
            break;
        case ui::ExportFrame::LonLatBox:
            r.bbox = o.lonLatBox;
            break;
    }
    return r;
}

// The shown pair's units as drawn ("Quảng Trị – Savannakhet"), else as the document names them.
std::string pairName(const ExportView& v) {
    if (!v.shownLink || !v.data->news || *v.shownLink >= v.data->news->corpus.links.size()) return "";
    const auto& checks = v.data->news->checks;
    if (const AdjacencyVerdict* d =
            *v.shownLink < checks.size() ? engine::drawnVerdict(checks[*v.shownLink], v.vnVintage) : nullptr) {
        return d->vn->briefName() + " – " + d->la->briefName();
    }
    const Link& l = v.data->news->corpus.links[*v.shownLink];
    return l.vn.name + " – " + l.la.name;
}

// "Drawn as on screen: the selection (Huyện Hướng Hóa), the twinned pair with
// its connector and 77.7 km, 31 border gates with their uncertainty circles, labels."
std::string drawnText(const ExportView& v) {
    std::vector<std::string> parts;
    if (const AdminUnit* u = v.data->dataset->unitOf(v.selected)) parts.push_back("the selection (" + u->name + ")");
    const engine::Overlay& o = v.overlay;
    if (!o.highlights.empty()) {
        std::string km;
        for (const auto& seg : o.segments)
            if (seg.legend.empty() && !seg.label.empty() && !seg.lines.empty()) km = seg.label;
        parts.push_back(std::string(v.shownLink ? "the twinned pair" : "the highlighted pair") +
                        (o.connectors.empty() ? "" : " with its connector") + (km.empty() ? "" : " and " + km));
    }
    size_t gates = 0, places = 0;
    for (const auto& s : o.symbols) (s.kind == engine::SymbolKind::BorderGate ? gates : places) += 1;
    bool circles = false;
    for (const auto& seg : o.segments) circles |= !seg.legend.empty() && !seg.lines.empty();
    if (gates > 0)
        parts.push_back(std::to_string(gates) + " border gate" + (gates == 1 ? "" : "s") +
                        (circles ? " with their uncertainty circles" : ""));
    if (places > 0) parts.push_back(std::to_string(places) + " other place" + (places == 1 ? "" : "s"));
    parts.push_back(v.labels ? "labels" : "no labels");
    std::string out = "Drawn as on screen: ";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out + ".";
}

}  // namespace

Result<engine::ExportRequest> exportRequest(const ui::ExportOptions& options, const ExportView& view) {
    auto r = baseRequest(options, view);
    if (r) r->overlay = view.overlay;
    return r;
}

ExportDialog::ExportDialog(const render::FontSet& fonts) : m_viewerFonts(fonts) {}

ExportDialog::~ExportDialog() { wait(); }

void ExportDialog::takeFinishedExport() {
    if (!m_job || !m_job->finished()) return;
    const auto& r = m_job->result();
    m_status = outcomeText(r);
    m_statusIsError = !r;
    m_notes = r ? r->notes : std::vector<std::string>{};
    if (r) m_written = r->camera.visibleBox();
    m_job.reset();
}

std::string ExportDialog::statusLine() const {
    if (m_job && m_job->finished()) return outcomeText(m_job->result());
    if (m_job) {
        char msg[600];
        std::snprintf(msg, sizeof msg, "Exporting %s… %.0f s", m_jobOutput.c_str(), secondsNow() - m_jobStarted);
        return msg;
    }
    return m_status;
}

bool ExportDialog::busy() const { return m_job && !m_job->finished(); }

void ExportDialog::wait() {
    if (m_job) m_job->wait();
    if (m_fontJob) m_fontJob->wait();
    takeFinishedExport();
}

// The fonts the export will use (at its DPI): loaded by a job; until they
// are there, the viewer's (`exact` false).
const render::FontSet* ExportDialog::exportFonts(double scale, bool& exact) {
    if (m_fontJob && m_fontJob->finished()) {
        const auto& r = m_fontJob->result();
        m_fonts = r ? *r : nullptr;
        m_fontsScale = m_fontJobScale;  // a failure is not retried at this scale
        m_fontJob.reset();
    }
    exact = m_fonts && m_fontsScale == scale;
    if (exact) return m_fonts.get();
    if (!m_fontJob && m_fontsScale != scale) {
        m_fontJobScale = scale;
        m_fontJob = std::make_unique<FontJob>(
            "loading the export's fonts", [scale](engine::JobControl&) -> Result<std::shared_ptr<const render::FontSet>> {
                auto fonts = render::loadFonts(float(scale));
                if (!fonts) return fonts.error();
                return std::make_shared<const render::FontSet>(std::move(*fonts));
            });
    }
    return &m_viewerFonts;
}

void ExportDialog::updatePreview(const ExportView& view, ui::ExportPanelInfo& info) {
    m_preview.reset();
    m_previewExact = false;
    auto req = exportRequest(m_options, view);  // with the overlay: its legend entries move the frame
    if (!req) {
        info.frameText = req.error().message;
        return;
    }
    req->output = "preview.png";  // the file name is checked when exporting
    req->georef = false;
    auto spec = engine::buildExportSpec(*req, *view.data);
    if (!spec) {
        info.frameText = spec.error().message;
        return;
    }
    bool exact = false;
    const render::FontSet* fonts = exportFonts(req->dpi / 96.0, exact);
    if (!exact) {  // the viewer's fonts are at 96 dpi: the same proportions there
        spec->dpi = 96.0;
        spec->width = std::max(64, int(req->width * 96.0 / req->dpi));
        spec->height = std::max(64, int(req->height * 96.0 / req->dpi));
    }
    const Box box = render::exportCamera(*spec, *fonts, *view.data->dataset, *view.data->geometry).visibleBox();
    m_preview = box;
    m_previewExact = exact;
    info.haveFrame = true;
    char text[160];
    std::snprintf(text, sizeof text, "Outlined on the map: about %.0f × %.0f km%s", (box.maxX - box.minX) / 1000.0,
                  (box.maxY - box.minY) / 1000.0, exact ? "" : " (measuring…)");
    info.frameText = text;
}

void ExportDialog::exportNow(const ExportView& view) {
    takeFinishedExport();
    if (m_job || !view.data) return;
    auto req = exportRequest(m_options, view);
    if (!req) {
        m_status = req.error().message;
        m_statusIsError = true;
        return;
    }
    m_jobOutput = req->output;
    m_jobStarted = secondsNow();
    m_notes.clear();
    m_job = render::startExport(std::move(*req), view.data);
}

void ExportDialog::drawContent(const ExportView& view) {
    takeFinishedExport();
    if (!view.data) {
        ImGui::TextDisabled("The map is loading.");
        return;
    }
    ui::ExportPanelInfo info;
    info.running = busy();
    info.status = statusLine();
    info.statusIsError = !info.running && m_statusIsError;
    info.notes = m_notes;
    info.pairName = pairName(view);
    if (const AdminUnit* u = view.data->dataset->unitOf(view.selected)) info.unitName = u->name;
    if (view.visibleWidthPx > 0 && view.visibleHeightPx > 0) info.viewAspect = view.visibleWidthPx / view.visibleHeightPx;
    info.drawnText = drawnText(view);
    updatePreview(view, info);
    if (m_panel.drawContent(m_options, info)) exportNow(view);
}

}  // namespace bl::app
