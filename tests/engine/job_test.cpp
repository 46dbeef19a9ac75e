#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "engine/job.hpp"
#include "engine/map_data.hpp"

using namespace bl;
using namespace bl::engine;

namespace {
template <typename T>
void waitFor(const Job<T>& job) {
    while (!job.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}
}  // namespace

TEST_CASE("A job hands back its value and its progress", "[engine][job]") {
    Job<int> job("adding", [](JobControl& c) -> Result<int> {
        c.progress(0.5f, "half way");
        return 42;
    });
    waitFor(job);
    REQUIRE(job.result());
    CHECK(*job.result() == 42);
    CHECK(job.fraction() == Approx(0.5f));
    CHECK(job.stage() == "half way");
}

TEST_CASE("An exception in a job body becomes an error naming the job, not an abort", "[engine][job]") {
    Job<int> job("reading the alias table", [](JobControl&) -> Result<int> {
        throw std::runtime_error("[json.exception.type_error.302] type must be string, but is number");
    });
    waitFor(job);
    REQUIRE_FALSE(job.result());
    CHECK_THAT(job.result().error().message, Catch::StartsWith("reading the alias table failed: "));
    CHECK_THAT(job.result().error().message, Catch::Contains("type must be string"));
}

TEST_CASE("A cancelled job ends with an error saying so", "[engine][job]") {
    Job<int> job("counting", [](JobControl& c) -> Result<int> {
        while (!c.stopRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return makeError("stopped");
    });
    job.cancel();
    waitFor(job);
    REQUIRE_FALSE(job.result());
    CHECK(job.result().error().message == "counting was cancelled");
}

TEST_CASE("Stopping the map preparation ends it before the map is built", "[engine][job][real]") {
    auto session = Session::open({});
    REQUIRE(session);
    using Ptr = std::shared_ptr<const MapData>;
    Job<Ptr> job("loading the map", [s = *session](JobControl& c) -> Result<Ptr> {
        MapRequest req;
        req.news = true;
        return prepareMap(*s, req, &c);
    });
    // Ask it to stop as soon as it is reading the boundaries, as the viewer
    // does when its window is closed during loading.
    while (!job.finished() && job.fraction() == 0.0f && job.stage() == "starting")
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    job.cancel();
    waitFor(job);
    REQUIRE_FALSE(job.result());
    CHECK_THAT(job.result().error().message, Catch::Contains("cancelled"));
}
