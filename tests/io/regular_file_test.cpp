// Inputs must be regular files: the shared check names what else a path is,
// and reading never blocks on a FIFO nor runs on forever on a device.
#include <catch2/catch.hpp>

#include "fifo_guard.hpp"
#include "io/regular_file.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("Regular files only: a FIFO, a directory and devices are named, a FIFO is never waited on",
          "[io][special-files]") {
    TempDir tmp;
    const std::string text = tmp.write("ok.json", "{\"a\": 1}\n");
    REQUIRE(io::checkRegularFile(text, "catalog"));
    auto read = io::readRegularFile(text, "catalog");
    REQUIRE(read);
    CHECK(*read == "{\"a\": 1}\n");

    GuardedFifo fifo(tmp.file("pipe.json"));
    REQUIRE(fifo.made());
    for (bool reading : {false, true}) {
        auto r = reading ? io::readRegularFile(fifo.path(), "catalog").error()
                         : io::checkRegularFile(fifo.path(), "catalog").error();
        CHECK(r.message == "catalog " + fifo.path() + " is a FIFO (named pipe), not a regular file");
    }
    CHECK_FALSE(fifo.fired());

    CHECK(io::readRegularFile(tmp.path().string(), "catalog").error().message ==
          "catalog " + tmp.path().string() + " is a directory, not a regular file");
    CHECK(io::readRegularFile("/dev/zero", "document").error().message ==
          "document /dev/zero is a character device, not a regular file");
    CHECK(io::checkRegularFile("/dev/null", "alias table").error().message ==
          "alias table /dev/null is a character device, not a regular file");
    CHECK(io::readRegularFile(tmp.file("none.json"), "catalog").error().message ==
          "catalog " + tmp.file("none.json") + " does not exist");
    CHECK(io::checkRegularFile(tmp.file("ok.json/inside"), "catalog").error().message ==
          "catalog " + tmp.file("ok.json/inside") + " does not exist");

    // A symbolic link is followed: to a regular file it is one, to a FIFO not.
    fs::create_symlink(text, tmp.file("link.json"));
    CHECK(io::readRegularFile(tmp.file("link.json"), "catalog"));
    fs::create_symlink(fifo.path(), tmp.file("pipe-link.json"));
    CHECK_THAT(io::readRegularFile(tmp.file("pipe-link.json"), "catalog").error().message, Catch::Contains("FIFO"));
    CHECK_FALSE(fifo.fired());
}

TEST_CASE("Regular files only: a size bound refuses a larger file by its size", "[io][special-files]") {
    TempDir tmp;
    const std::string big = tmp.write("big.txt", std::string(3'000'000, 'a'));
    auto r = io::readRegularFile(big, "document", 2'000'000);
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "document " + big + " is 3.0 MB, more than the 2.0 MB it may be");
    auto ok = io::readRegularFile(big, "document", 3'000'000);
    REQUIRE(ok);
    CHECK(ok->size() == 3'000'000);
}
