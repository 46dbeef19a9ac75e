// The viewer's Export tab without a window: Dear ImGui runs headless (a
// context, a built font atlas, NewFrame/EndFrame, no renderer) over the real
// data, as the viewer shows it with twinned pair 0 and its Vietnamese unit
// selected. The frame it outlines is the frame the export draws; the pair
// frame is the one `borderlens export --pair 0` draws.
#include <catch2/catch.hpp>

#include <tuple>

#include <imgui.h>

#include <cmath>

#include "app/export_dialog.hpp"
#include "engine/overlays.hpp"
#include "io/png_image.hpp"
#include "render/map_export.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

class HeadlessImGui {
public:
    HeadlessImGui() {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1200, 800);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // builds the atlas; nothing uploads it
    }
    ~HeadlessImGui() { ImGui::DestroyContext(m_context); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // One frame with the dialog in a sidebar-sized window.
    void frame(app::ExportDialog& dialog, const app::ExportView& view) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(340, 800));
        ImGui::Begin("Export");
        dialog.drawContent(view);
        ImGui::End();
        ImGui::EndFrame();
    }

private:
    ImGuiContext* m_context = nullptr;
};

struct Shown {
    std::shared_ptr<engine::Session> session;
    std::shared_ptr<const engine::MapData> data;
    app::ExportView view;
};

// The real data as the viewer loads it (every layer, the documents), read once.
const Shown& viewerWithPair0() {
    static const Shown shown = [] {
        Shown s;
        auto session = engine::Session::open({});
        if (!session) FAIL(session.error().message);
        s.session = *session;
        engine::MapRequest req;
        req.news = true;
        auto map = engine::prepareMap(*s.session, req);
        if (!map) FAIL(map.error().message);
        s.data = *map;
        app::ExportView& v = s.view;
        v.data = s.data;
        v.vnVintage = s.session->vintages().current;
        for (const auto& l : s.data->dataset->layers)
            v.layerVisible.push_back(l.spec.country == Country::LA || l.spec.vintage.label == v.vnVintage);
        const engine::LinkOverlay lo = engine::linkOverlay(*s.data, 0, v.vnVintage, engine::kLinkColour);
        if (!lo.drawn) FAIL("pair 0 is not resolved");
        v.shownLink = 0;
        v.overlay = lo.overlay;
        engine::addSymbols(v.overlay, engine::gateSymbols(*s.data->curated));
        v.overlay.segments.push_back(engine::gateUncertainty(*s.data->curated));
        v.selected = s.data->dataset->keyOf(lo.drawn->vn);
        v.visible = lo.frame.expanded(15000.0);
        v.visibleWidthPx = 900;  // the map area on screen, in the view's proportions
        v.visibleHeightPx = 900 * (v.visible.maxY - v.visible.minY) / (v.visible.maxX - v.visible.minX);
        return s;
    }();
    return shown;
}

// The frame (the whole image) an export of `r` draws, fonts at its DPI.
Box exportedFrame(const engine::ExportRequest& r, const engine::MapData& data) {
    auto spec = engine::buildExportSpec(r, data);
    if (!spec) FAIL(spec.error().message);
    auto fonts = render::loadFonts(float(r.dpi / 96.0));
    if (!fonts) FAIL(fonts.error().message);
    return render::exportCamera(*spec, *fonts, *data.dataset, *data.geometry).visibleBox();
}

void checkSame(const std::optional<Box>& a, const Box& b) {
    REQUIRE(a);
    CHECK(a->minX == Approx(b.minX).margin(1e-6));
    CHECK(a->minY == Approx(b.minY).margin(1e-6));
    CHECK(a->maxX == Approx(b.maxX).margin(1e-6));
    CHECK(a->maxY == Approx(b.maxY).margin(1e-6));
}

// Draws the tab until the fonts at the export's DPI are there.
void settle(HeadlessImGui& ui, app::ExportDialog& dialog, const app::ExportView& view) {
    ui.frame(dialog, view);
    dialog.wait();
    ui.frame(dialog, view);
    REQUIRE(dialog.previewExact());
}

// The Export tab as the viewer has it: the viewer's fonts, a headless Dear
// ImGui frame, the dialog.
struct DialogUnderTest {
    render::FontSet fonts = loaded();
    HeadlessImGui ui;
    app::ExportDialog dialog{fonts};
    ui::ExportOptions& o = dialog.options();

    static render::FontSet loaded() {
        auto f = render::loadFonts(1.0f);
        REQUIRE(f);
        return std::move(*f);
    }
};

}  // namespace

TEST_CASE("The Export tab's pair frame is the frame export --pair draws", "[app][export][real]") {
    const Shown& s = viewerWithPair0();
    DialogUnderTest t;
    auto [ui, dialog, o] = std::tie(t.ui, t.dialog, t.o);
    o.frame = ui::ExportFrame::Pair;
    o.width = 1500;
    o.height = 1000;
    o.dpi = 150;
    settle(ui, dialog, s.view);
    // What `borderlens export --pair 0 --size 1500x1000 --dpi 150` asks for.
    engine::ExportRequest cli;
    cli.output = "map.png";
    cli.pair = 0;
    cli.width = 1500;
    cli.height = 1000;
    cli.dpi = 150;
    checkSame(dialog.previewFrame(), exportedFrame(cli, *s.data));
    // The dialog's request frames the same box, and draws the viewer's overlay and selection.
    auto req = app::exportRequest(o, s.view);
    REQUIRE(req);
    auto mine = engine::buildExportSpec(*req, *s.data);
    auto theirs = engine::buildExportSpec(cli, *s.data);
    REQUIRE(mine);
    REQUIRE(theirs);
    CHECK(mine->frame.minX == theirs->frame.minX);
    CHECK(mine->frame.maxY == theirs->frame.maxY);
    CHECK(mine->info == theirs->info);
    CHECK(mine->scene.selected == s.view.selected);
    CHECK(mine->scene.overlay.symbols.size() == s.view.overlay.symbols.size());
    CHECK(mine->scene.overlay.connectors.size() == s.view.overlay.connectors.size());
}

TEST_CASE("The Export tab previews the frame of each preset as the export draws it", "[app][export][real]") {
    const Shown& s = viewerWithPair0();
    DialogUnderTest t;
    auto [ui, dialog, o] = std::tie(t.ui, t.dialog, t.o);
    o.width = 1200;
    o.height = 900;
    o.dpi = 96;

    SECTION("the selected unit, as --focus frames it") {
        o.frame = ui::ExportFrame::Unit;
        settle(ui, dialog, s.view);
        engine::ExportRequest cli;
        cli.output = "map.png";
        cli.width = 1200;
        cli.height = 900;
        cli.focus = s.data->dataset->unitOf(s.view.selected)->name;
        checkSame(dialog.previewFrame(), exportedFrame(cli, *s.data));
    }
    SECTION("the view: the image is the view's centre in the image's proportions, outlined inside it") {
        o.frame = ui::ExportFrame::View;
        settle(ui, dialog, s.view);
        const auto p = dialog.previewFrame();
        REQUIRE(p);
        const Box& v = s.view.visible;
        const double w = p->maxX - p->minX, h = p->maxY - p->minY;
        CHECK(w / h == Approx(1200.0 / 900.0).epsilon(1e-9));
        CHECK(p->minX >= v.minX - 1e-6);
        CHECK(p->maxX <= v.maxX + 1e-6);
        CHECK(p->minY >= v.minY - 1e-6);
        CHECK(p->maxY <= v.maxY + 1e-6);
        // It fills the view one way, centred.
        const bool fillsWidth = w == Approx(v.maxX - v.minX), fillsHeight = h == Approx(v.maxY - v.minY);
        CHECK((fillsWidth || fillsHeight));
        CHECK(p->center().x == Approx(v.center().x));
        CHECK(p->center().y == Approx(v.center().y));
        // With the view's proportions the image is the view.
        o.height = int(std::lround(1200 * s.view.visibleHeightPx / s.view.visibleWidthPx));
        ui.frame(dialog, s.view);
        ui.frame(dialog, s.view);
        const auto q = dialog.previewFrame();
        REQUIRE(q);
        CHECK(q->minX == Approx(v.minX));
        CHECK(q->maxX == Approx(v.maxX));
        CHECK((q->maxY - q->minY) == Approx(v.maxY - v.minY).epsilon(0.002));
    }
    SECTION("a lon/lat box, as --bbox") {
        o.frame = ui::ExportFrame::LonLatBox;
        o.lonLatBox = {106.0, 16.3, 107.0, 16.9};
        settle(ui, dialog, s.view);
        engine::ExportRequest cli;
        cli.output = "map.png";
        cli.width = 1200;
        cli.height = 900;
        cli.bbox = o.lonLatBox;
        // The dialog's export (with the viewer's overlay, which its legend
        // lists and the frame is refitted around) draws what it previews...
        auto req = app::exportRequest(o, s.view);
        REQUIRE(req);
        checkSame(dialog.previewFrame(), exportedFrame(*req, *s.data));
        // ...and frames the box the command line's --bbox frames.
        auto mine = engine::buildExportSpec(*req, *s.data);
        auto theirs = engine::buildExportSpec(cli, *s.data);
        REQUIRE(mine);
        REQUIRE(theirs);
        CHECK(mine->frame.minX == Approx(theirs->frame.minX));
        CHECK(mine->frame.maxY == Approx(theirs->frame.maxY));
    }
    SECTION("no pair shown: no pair frame, and no export") {
        app::ExportView none = s.view;
        none.shownLink.reset();
        o.frame = ui::ExportFrame::Pair;
        ui.frame(dialog, none);
        CHECK_FALSE(dialog.previewFrame());
        CHECK_FALSE(app::exportRequest(o, none));
        dialog.exportNow(none);
        CHECK_FALSE(dialog.busy());
        CHECK_THAT(dialog.statusLine(), Catch::Contains("No twinned pair is shown"));
    }
}

TEST_CASE("An export from the Export tab writes the frame it outlined and says so at once", "[app][export][real]") {
    const Shown& s = viewerWithPair0();
    auto fonts = render::loadFonts(1.0f);
    REQUIRE(fonts);
    TempDir tmp;
    HeadlessImGui ui;
    app::ExportDialog dialog(*fonts);
    ui::ExportOptions& o = dialog.options();
    o.frame = ui::ExportFrame::Pair;
    o.width = 900;
    o.height = 600;
    o.dpi = 120;
    o.path = tmp.file("pair.png");
    settle(ui, dialog, s.view);
    CHECK(dialog.statusLine().empty());
    dialog.exportNow(s.view);
    CHECK(dialog.busy());
    CHECK_THAT(dialog.statusLine(), Catch::StartsWith("Exporting " + o.path));
    dialog.wait();
    CHECK_FALSE(dialog.busy());
    INFO(dialog.statusLine());
    CHECK_THAT(dialog.statusLine(), Catch::StartsWith("Wrote " + o.path));
    const auto img = io::readPng(o.path);
    REQUIRE(img);
    CHECK(img->width == 900);
    CHECK(img->height == 600);
    REQUIRE(dialog.writtenFrame());
    checkSame(dialog.previewFrame(), *dialog.writtenFrame());
    // Again without overwrite: refused, the message at the top.
    dialog.exportNow(s.view);
    dialog.wait();
    ui.frame(dialog, s.view);
    CHECK_THAT(dialog.statusLine(), Catch::StartsWith("Export failed:"));
}
