// The viewer as a user drives it: the real window on a private Xvfb, real
// X input events from xdotool (keys, typing, clicks, a resize), and what the
// window shows read back from its --ui-state dump. On the real data.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/virtual_display.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl::test;
using nlohmann::json;

namespace {

// What these tests need and this machine lacks ("" when nothing).
std::string missingTool() {
    if (!haveXvfb()) return kNoXvfb;
    if (std::system("command -v xdotool >/dev/null 2>&1") != 0) return "xdotool is not installed (scripts/setup installs it)";
    return "";
}

// Under ASan everything is several times slower.
constexpr auto kLoadTimeout = std::chrono::seconds(240);
constexpr auto kStepTimeout = std::chrono::seconds(60);

json readState(const std::string& path) {
    std::ifstream in(path);
    if (!in) return json();
    return json::parse(in, nullptr, false);
}

// The viewer on a display, driven by xdotool.
class DrivenViewer {
public:
    // A state file left by an earlier run is removed first: every state
    // read is this run's.
    DrivenViewer(const VirtualDisplay& display, const TempDir& tmp, const std::string& extraArgs = "")
        : m_display(display.display()), m_state(removed(tmp.file("ui-state.json"))),
          m_process(argv(extraArgs, m_state), {"DISPLAY=" + display.display(), "XDG_CONFIG_HOME=" + tmp.file("config")},
                    tmp.file("viewer.log")),
          m_log(tmp.file("viewer.log")) {}

    static std::string removed(const std::string& path) {
        std::filesystem::remove(path);
        return path;
    }
    static std::vector<std::string> argv(const std::string& extra, const std::string& state) {
        std::vector<std::string> a{BORDERLENS_BINARY, "-q", "view", "--size", "1600x1000", "--ui-state", state};
        if (!extra.empty()) a.push_back(extra);
        return a;
    }

    // A key whose effect the window shows: pressed again (up to three times)
    // while `done` does not hold, as a person presses a key again that a
    // busy machine dropped.
    json tapUntil(const std::string& chord, const std::function<bool(const json&)>& done) {
        json j;
        for (int attempt = 0; attempt < 3; ++attempt) {
            tap(chord);
            j = waitFor(done, std::chrono::seconds(5));
            if (j.is_object() && done(j)) break;
        }
        return j;
    }

    // Waits until `ok` holds for the dump (or the timeout); returns the last dump.
    json waitFor(const std::function<bool(const json&)>& ok, std::chrono::seconds timeout = kStepTimeout) {
        const auto until = std::chrono::steady_clock::now() + timeout;
        json j;
        while (std::chrono::steady_clock::now() < until) {
            j = readState(m_state);
            if (j.is_object() && ok(j)) return j;
            if (m_process.ended()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return j;
    }

    std::string window() {
        if (m_window.empty()) m_window = run("search --sync --name '^borderlens'");
        while (!m_window.empty() && (m_window.back() == '\n' || m_window.back() == ' ')) m_window.pop_back();
        if (auto nl = m_window.find('\n'); nl != std::string::npos) m_window.resize(nl);
        return m_window;
    }
    void focus() { run("windowfocus --sync " + window()); }
    // A key held long enough for a frame to see it, modifiers first and
    // released last, as a person types them ("ctrl+f", "alt+Left").
    void tap(const std::string& chord) {
        std::vector<std::string> keys;
        for (size_t at = 0, plus; at <= chord.size(); at = plus + 1) {
            plus = chord.find('+', at);
            if (plus == std::string::npos) plus = chord.size();
            keys.push_back(chord.substr(at, plus - at));
        }
        for (const auto& k : keys) {
            run("keydown " + k);
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
        for (auto k = keys.rbegin(); k != keys.rend(); ++k) {
            run("keyup " + *k);
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    void type(const std::string& text) { run("type --delay 60 '" + text + "'"); }
    // A click as a person makes it: the pointer moved there and seen by the
    // window, the button held until the window has seen it down, released.
    void click(double x, double y) {
        const int ix = int(x), iy = int(y);
        run("mousemove --window " + window() + " " + std::to_string(ix) + " " + std::to_string(iy));
        waitFor([&](const json& j) { return j["mouse"][0] == double(ix) && j["mouse"][1] == double(iy); },
                std::chrono::seconds(10));
        run("mousedown 1");
        waitFor([](const json& j) { return j["mouse"][2] == true; }, std::chrono::seconds(10));
        run("mouseup 1");
        waitFor([](const json& j) { return j["mouse"][2] == false; }, std::chrono::seconds(10));
    }
    void resize(int w, int h) { run("windowsize " + window() + " " + std::to_string(w) + " " + std::to_string(h)); }
    bool ended() { return m_process.ended(); }
    int exitCode() const { return m_process.exitCode(); }
    std::string log() const {
        std::ifstream in(m_log);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

private:
    std::string run(const std::string& args) {
        const std::string cmd = "DISPLAY=" + m_display + " xdotool " + args + " 2>/dev/null";
        std::string out;
        if (FILE* p = popen(cmd.c_str(), "r")) {
            char buf[256];
            while (fgets(buf, sizeof buf, p)) out += buf;
            pclose(p);
        }
        return out;
    }

    std::string m_display, m_state;
    BackgroundProcess m_process;
    std::string m_log;
    std::string m_window;
};

// Starts the viewer, waits for the map and its adjacency, gives it the keyboard.
json waitUntilReady(DrivenViewer& v) {
    json s = v.waitFor([](const json& j) { return j["ready"] == true; }, kLoadTimeout);
    INFO("viewer log: " << v.log());
    REQUIRE(s["ready"] == true);
    v.focus();
    return s;
}

bool inside(const json& box, const json& outer) {
    return box[0].get<double>() >= outer[0].get<double>() - 1e-6 && box[1].get<double>() >= outer[1].get<double>() - 1e-6 &&
           box[2].get<double>() <= outer[2].get<double>() + 1e-6 && box[3].get<double>() <= outer[3].get<double>() + 1e-6;
}

// The figure the CLI prints for a neighbour of a unit, one decimal.
std::string cliKm(const std::string& unit, const std::string& neighbour, const std::string& vintage) {
    const RunResult r =
        runBorderlens("-q adjacency --unit '" + unit + "' --cross-border --vintage " + vintage + " --format json");
    REQUIRE(r.exitCode == 0);
    const json rows = json::parse(r.out);
    for (const auto& row : rows)
        if (row["a_name"] == neighbour || row["b_name"] == neighbour) {
            char km[32];
            std::snprintf(km, sizeof km, "%.1f", row["shared_km"].get<double>());
            return km;
        }
    return "(not listed by the CLI)";
}

}  // namespace

TEST_CASE("viewer by keyboard: search, Enter selects a 2023 district while 2025 is shown, the map switches system "
          "and the inspector lists the CLI's cross-border figures",
          "[app][xvfb][ui][real]") {
    if (const std::string missing = missingTool(); !missing.empty()) BL_SKIP(missing);
    VirtualDisplay display("1600x1000x24");
    TempDir tmp;
    DrivenViewer v(display, tmp);
    json s = waitUntilReady(v);
    REQUIRE(s["vintage"] == "2025");  // the catalog's current system

    // Ctrl+F, type, Down to the district, Enter.
    s = v.tapUntil("ctrl+f", [](const json& j) { return j["keyboard_in_panel"] == true; });
    REQUIRE(s["keyboard_in_panel"] == true);  // the search field has the keyboard
    v.type("huyen huong hoa");
    s = v.waitFor([](const json& j) { return j["search"]["query"] == "huyen huong hoa"; });
    const json results = s["search"]["results"];
    int target = -1;
    for (size_t i = 0; i < results.size() && target < 0; ++i)
        if (results[i] == "Huyện Hướng Hóa") target = int(i);
    INFO("results: " << results.dump());
    REQUIRE(target >= 0);
    for (int i = 0; i < target; ++i) v.tap("Down");
    s = v.waitFor([&](const json& j) { return j["search"]["highlighted"] == target; });
    CHECK(s["search"]["highlighted"] == target);
    v.tap("Return");
    s = v.waitFor([](const json& j) {
        return j.contains("selected") && j["selected"]["name"] == "Huyện Hướng Hóa" && j["neighbours_ready"] == true;
    });
    REQUIRE(s.contains("selected"));
    CHECK(s["selected"]["name"] == "Huyện Hướng Hóa");
    // The unit is of the 2023 system: the map switched to it and says so.
    CHECK(s["vintage"] == "2023");
    CHECK_THAT(s["note"].get<std::string>(), Catch::Contains("2023"));
    // Flown to: the district is inside the view.
    CHECK(inside(s["selected"]["bounds"], s["camera"]["visible"]));
    // Cross-border neighbours, with the CLI's figure.
    std::string sepone;
    for (const auto& n : s["neighbours"])
        if (n["cross_border"] == true && n["name"].get<std::string>().find("Sepone") != std::string::npos)
            sepone = n["km"];
    CHECK(sepone == cliKm("Huyện Hướng Hóa", "Sepone", "2023"));
    CHECK(sepone == "77.7");

    // Back returns to the view before the selection; forward to it again.
    const json selectedView = s["camera"]["visible"];
    v.tap("alt+Left");
    s = v.waitFor([&](const json& j) { return j["camera"]["visible"] != selectedView; });
    CHECK(s["camera"]["visible"] != selectedView);
    v.tap("alt+Right");
    s = v.waitFor([&](const json& j) { return j["camera"]["visible"] == selectedView; });
    CHECK(s["camera"]["visible"] == selectedView);

    // F1 shows the shortcuts, Escape closes them; Escape again gives the keys
    // back to the map if a panel had them, and clears the selection.
    s = v.tapUntil("F1", [](const json& j) { return j["help"] == true; });
    CHECK(s["help"] == true);
    s = v.tapUntil("Escape", [](const json& j) { return j["help"] == false; });
    CHECK(s["help"] == false);
    if (s["keyboard_in_panel"] == true) v.tap("Escape");
    v.tap("Escape");
    s = v.waitFor([](const json& j) { return !j.contains("selected"); });
    CHECK_FALSE(s.contains("selected"));

    // Zoom by keyboard; measure between two clicks.
    const json map = s["parts"]["map"];
    const double mx = map[0].get<double>() + map[2].get<double>() / 2, my = map[1].get<double>() + 40;
    const double mpp = s["camera"]["metres_per_pixel"];
    v.tap("minus");
    s = v.waitFor([&](const json& j) { return j["camera"]["metres_per_pixel"].get<double>() > mpp * 1.2; });
    CHECK(s["camera"]["metres_per_pixel"].get<double>() == Approx(mpp * 1.5).epsilon(0.01));
    s = v.tapUntil("m", [](const json& j) { return j["measuring"] == true; });
    REQUIRE(s["measuring"] == true);
    v.click(mx - 100, my + 100);
    v.click(mx + 100, my + 100);
    s = v.waitFor([](const json& j) { return j["measure_points"] == 2; });
    CHECK(s["measure_points"] == 2);
    // 200 pixels at this scale, within the projection's scale error.
    CHECK(s["measure_km"].get<double>() == Approx(200 * s["camera"]["metres_per_pixel"].get<double>() / 1000).epsilon(0.02));
}

TEST_CASE("viewer: a click on a twinned pair flies to it, a resize keeps every panel inside the window, Ctrl+Q keeps "
          "the workspace for the next start",
          "[app][xvfb][ui][real]") {
    if (const std::string missing = missingTool(); !missing.empty()) BL_SKIP(missing);
    VirtualDisplay display("1600x1000x24");
    TempDir tmp;
    {
        DrivenViewer v(display, tmp);
        json s = waitUntilReady(v);
        s = v.tapUntil("ctrl+3", [](const json& j) { return j["tab"] == "Pairs" && !j["pair_rows"].empty(); });
        REQUIRE(s["tab"] == "Pairs");
        REQUIRE_FALSE(s["pair_rows"].empty());
        // By keyboard: N and Shift+N step through the pairs, R opens the pair's document.
        v.tap("n");
        s = v.waitFor([](const json& j) { return j["shown_pair"] == 0; });
        CHECK(s["shown_pair"] == 0);
        v.tap("n");
        s = v.waitFor([](const json& j) { return j["shown_pair"] == 1; });
        CHECK(s["shown_pair"] == 1);
        v.tap("shift+n");
        s = v.waitFor([](const json& j) { return j["shown_pair"] == 0; });
        CHECK(s["shown_pair"] == 0);
        s = v.tapUntil("r", [](const json& j) { return j["tab"] == "Docs" && j["reading"] >= 0; });
        CHECK(s["tab"] == "Docs");
        CHECK(s["reading"] >= 0);
        s = v.tapUntil("ctrl+3", [](const json& j) { return j["tab"] == "Pairs" && !j["pair_rows"].empty(); });
        // By mouse: a pair other than the one shown.
        const int target = s["shown_pair"] == 0 ? 1 : 0;
        const json row = s["pair_rows"][target];
        v.click(row[0].get<double>() + row[2].get<double>() / 2, row[1].get<double>() + row[3].get<double>() / 2);
        s = v.waitFor([&](const json& j) { return j["shown_pair"] == target && !j["highlight_frame"].is_null(); });
        INFO("row clicked " << row.dump() << ", state " << s.dump());
        REQUIRE(s["shown_pair"] == target);
        CHECK(inside(s["highlight_frame"], s["camera"]["visible"]));

        v.resize(1100, 700);
        s = v.waitFor([](const json& j) { return j["window"] == json::array({1100, 700}); });
        REQUIRE(s["window"] == json::array({1100, 700}));
        for (const auto& [name, r] : s["parts"].items()) {
            INFO(name << " " << r.dump());
            CHECK(r[0].get<double>() >= 0);
            CHECK(r[1].get<double>() >= 0);
            CHECK(r[0].get<double>() + r[2].get<double>() <= 1100.01);
            CHECK(r[1].get<double>() + r[3].get<double>() <= 700.01);
        }
        const json m = s["parts"]["map"], side = s["parts"]["sidebar"], insp = s["parts"]["inspector"];
        CHECK(side[0].get<double>() + side[2].get<double>() <= m[0].get<double>());
        CHECK(m[0].get<double>() + m[2].get<double>() <= insp[0].get<double>());
        CHECK(m[2].get<double>() >= 1100.0 / 2 - 1);

        v.tap("v");  // the other system, to be remembered
        s = v.waitFor([](const json& j) { return j["vintage"] == "2023"; });
        REQUIRE(s["vintage"] == "2023");
        v.tap("ctrl+q");
        const auto until = std::chrono::steady_clock::now() + kStepTimeout;
        while (!v.ended() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        REQUIRE(v.ended());
        CHECK(v.exitCode() == 0);
    }
    const std::string settings = tmp.file("config/borderlens/viewer.json");
    REQUIRE(std::filesystem::exists(settings));
    std::ifstream in(settings);
    const json saved = json::parse(in);
    CHECK(saved["vintage"] == "2023");
    CHECK(saved.contains("view"));
    // The next start opens on the same system.
    DrivenViewer again(display, tmp);
    const json s = waitUntilReady(again);
    CHECK(s["vintage"] == "2023");
    CHECK(s["camera"]["metres_per_pixel"].get<double>() == Approx(saved["view"]["metres_per_pixel"].get<double>()));
}
