// What GDAL and PROJ say goes to our handler: collected by the scope that
// asked, kept for a verbose listing, never printed as is.
#include <catch2/catch.hpp>

#include <cpl_error.h>
#include <fcntl.h>
#include <gdal.h>
#include <ogr_spatialref.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "io/gdal_messages.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

// Everything written on file descriptor 2 while it lives.
class CapturedStderr {
public:
    explicit CapturedStderr(std::string path) : m_path(std::move(path)) {
        std::fflush(stderr);
        m_saved = ::dup(2);
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 2);
        ::close(fd);
    }
    ~CapturedStderr() { restore(); }
    std::string text() {
        restore();
        std::ifstream in(m_path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

private:
    void restore() {
        if (m_saved < 0) return;
        std::fflush(stderr);
        ::dup2(m_saved, 2);
        ::close(m_saved);
        m_saved = -1;
    }
    std::string m_path;
    int m_saved = -1;
};

bool has(const std::vector<std::string>& list, const std::string& needle) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("GDAL messages: the scope that asked collects them, each once, and nothing is printed", "[io][gdal]") {
    io::initGdal();
    TempDir tmp;
    CapturedStderr captured(tmp.file("stderr"));
    std::string detail;
    std::vector<std::string> outerErrors, innerErrors, warnings;
    {
        io::GdalMessages outer;
        CPLError(CE_Failure, CPLE_AppDefined, "At line 1, character 9: Unterminated object");
        CPLError(CE_Failure, CPLE_AppDefined, "At line 1, character 9: Unterminated object");  // said twice, kept once
        CPLError(CE_Warning, CPLE_AppDefined, "a warning of no consequence");
        {
            io::GdalMessages inner;
            CPLError(CE_Failure, CPLE_OpenFailed, "inner failure");
            innerErrors = inner.errors();
        }
        // GDAL itself, on a file that is not there and on one it cannot read.
        CHECK_FALSE(GDALOpenEx(tmp.file("absent.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR, nullptr,
                               nullptr, nullptr));
        tmp.write("cut.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature", )");
        CHECK_FALSE(GDALOpenEx(tmp.file("cut.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
        // PROJ, through the context GDAL gives it.
        OGRSpatialReference srs;
        CHECK(srs.importFromProj4("+proj=no_such_projection +ellps=WGS84") != OGRERR_NONE);
        outerErrors = outer.errors();
        warnings = outer.warnings();
        detail = outer.detail();
    }
    const std::string printed = captured.text();
    CHECK(printed.empty());
    INFO("printed: " << printed);

    for (const auto& e : outerErrors) UNSCOPED_INFO("said: " << e);
    CHECK(innerErrors == std::vector<std::string>{"inner failure"});
    REQUIRE(outerErrors.size() >= 4);
    CHECK(outerErrors[0] == "At line 1, character 9: Unterminated object");
    CHECK(outerErrors[1] == "inner failure");  // an outer scope hears what is said inside an inner one
    CHECK(has(outerErrors, "absent.geojson"));
    CHECK(has(outerErrors, "Unterminated"));  // the GeoJSON driver's own words for cut.geojson
    CHECK(has(outerErrors, "PROJ"));
    CHECK(warnings == std::vector<std::string>{"a warning of no consequence"});
    CHECK_THAT(detail, Catch::StartsWith(" (GDAL: At line 1, character 9: Unterminated object; inner failure; ") &&
                           Catch::EndsWith(")"));

    // Kept for a verbose listing; outside any scope they are kept too.
    CPLError(CE_Warning, CPLE_AppDefined, "heard by no scope");
    const auto recent = io::recentGdalMessages();
    CHECK(has(recent, "error: inner failure"));
    CHECK(has(recent, "warning: heard by no scope"));
}
