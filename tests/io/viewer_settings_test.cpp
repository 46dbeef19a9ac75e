// The viewer's remembered workspace: round trip, defaults, and a file we
// cannot read reported by name and never overwritten.
#include <catch2/catch.hpp>

#include <filesystem>

#include "io/viewer_settings.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("viewer settings are saved and read back, in XDG_CONFIG_HOME", "[io][settings]") {
    TempDir tmp;
    ScopedEnv env("XDG_CONFIG_HOME", tmp.path().string());
    const std::string path = io::viewerSettingsPath();
    CHECK(path == tmp.file("borderlens/viewer.json"));
    auto none = io::loadViewerSettings(path);  // no file yet: defaults
    REQUIRE(none);
    CHECK_FALSE(none->view);
    io::ViewerSettings s;
    s.sidebarWidth = 410;
    s.inspectorWidth = 280;
    s.tab = 3;
    s.vnVintage = "2023";
    s.labels = false;
    s.view = io::SavedView{12345.5, -67890.25, 321.0};
    REQUIRE(io::saveViewerSettings(path, s));
    auto back = io::loadViewerSettings(path);
    REQUIRE(back);
    CHECK(back->sidebarWidth == 410);
    CHECK(back->inspectorWidth == 280);
    CHECK(back->tab == 3);
    CHECK(back->vnVintage == "2023");
    CHECK_FALSE(back->labels);
    REQUIRE(back->view);
    CHECK(back->view->centerX == 12345.5);
    CHECK(back->view->metresPerPixel == 321.0);
}

TEST_CASE("a viewer settings file we cannot read is named and kept, not overwritten", "[io][settings]") {
    TempDir tmp;
    const std::string path = tmp.write("viewer.json", "{\"sidebar_width\": \"wide\"}");
    auto r = io::loadViewerSettings(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains(path));
    CHECK_THAT(r.error().message, Catch::Contains("sidebar_width"));
    tmp.write("range.json", "{\"view\": {\"x\": 0, \"y\": 0, \"metres_per_pixel\": -3}}");
    CHECK_FALSE(io::loadViewerSettings(tmp.file("range.json")));
    tmp.write("broken.json", "{\"tab\": 1,");
    CHECK_FALSE(io::loadViewerSettings(tmp.file("broken.json")));

    // Saving keeps the user's file beside the new one …
    REQUIRE(io::saveViewerSettings(path, io::ViewerSettings{}));
    CHECK(std::filesystem::exists(path + ".bad"));
    CHECK(io::loadViewerSettings(path));
    // … once: with a .bad already there, a second bad file is not replaced.
    tmp.write("viewer.json", "not json");
    auto again = io::saveViewerSettings(path, io::ViewerSettings{});
    REQUIRE_FALSE(again);
    CHECK_THAT(again.error().message, Catch::Contains(".bad"));
    CHECK(!io::loadViewerSettings(path));  // still the user's bytes
}
