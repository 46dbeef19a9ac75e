// Loading the news word lists: the project's file, and errors that name the
// file and the key.
#include <catch2/catch.hpp>

#include <fstream>

#include "io/lexicon.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("The project's word lists load, with the calendar lists in order", "[lexicon]") {
    auto l = io::loadLexicon(io::defaultLexiconPath());
    REQUIRE(l);
    REQUIRE(l->months.size() == 12);
    CHECK(l->months.front() == "january");
    REQUIRE(l->weekdays.size() == 7);
    CHECK(l->weekdays.front() == "sunday");
    REQUIRE(l->ordinalDays.size() == 31);
    CHECK(l->ordinalDays[20] == "twenty-first");
    CHECK(l->vietnam.count("viet nam"));
    CHECK(l->laos.count("lao"));
    CHECK(l->stopWords.count("the"));
    CHECK(l->agencySignoffs.count("vna"));
    CHECK_FALSE(l->cooperationStems.empty());
}

TEST_CASE("A malformed word list file gives an error naming the file", "[lexicon]") {
    TempDir tmp;
    SECTION("not JSON") {
        auto r = io::loadLexicon(tmp.write("broken.json", "{\"stop_words\": ["));
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("broken.json") && Catch::Contains("not valid JSON"));
    }
    SECTION("a list missing") {
        auto r = io::loadLexicon(tmp.write("partial.json", "{\"stop_words\": {\"words\": [\"the\"]}}"));
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("partial.json") && Catch::Contains("\"vietnam\""));
    }
    SECTION("a list of the wrong shape") {
        auto r = io::loadLexicon(tmp.write("shape.json", "{\"stop_words\": [\"the\", \"of\"]}"));
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("shape.json") && Catch::Contains("\"stop_words\"") &&
                                          Catch::Contains("\"words\" array"));
    }
    SECTION("an empty word in a list") {
        std::ifstream in(io::defaultLexiconPath());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const size_t at = text.find("\"december\"");
        REQUIRE(at != std::string::npos);
        text.replace(at, 10, "\"\"");  // an empty word
        auto r = io::loadLexicon(tmp.write("months.json", text));
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("months.json") && Catch::Contains("\"months\""));
    }
    SECTION("missing file") {
        auto r = io::loadLexicon(tmp.file("none.json"));
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("none.json"));
    }
}
