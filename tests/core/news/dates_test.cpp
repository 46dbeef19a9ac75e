// Dates stated in a text: only days the calendar has.
#include <catch2/catch.hpp>

#include "ingest_support.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("Calendar dates: month lengths and leap years", "[extract][dates]") {
    CHECK(isCalendarDate(2024, 2, 29));
    CHECK(isCalendarDate(2000, 2, 29));        // divisible by 400
    CHECK_FALSE(isCalendarDate(1900, 2, 29));  // by 100, not by 400
    CHECK_FALSE(isCalendarDate(2023, 2, 29));
    CHECK_FALSE(isCalendarDate(2023, 2, 30));
    CHECK_FALSE(isCalendarDate(2023, 4, 31));
    CHECK(isCalendarDate(2023, 12, 31));
    CHECK_FALSE(isCalendarDate(2023, 13, 1));
    CHECK_FALSE(isCalendarDate(2023, 0, 1));
    CHECK_FALSE(isCalendarDate(2023, 1, 0));
    CHECK(isCalendarDate(0, 2, 29));  // year not stated: the day may exist
    CHECK_FALSE(isCalendarDate(0, 2, 30));
}

TEST_CASE("Dates in the text: an impossible day is not a date, the next real one is found", "[extract][dates]") {
    struct Case {
        const char* text;
        const char* iso;
    };
    for (const Case& c : {
             Case{"It was signed on 2023-02-30, then on 2023-03-02.", "2023-03-02"},
             Case{"It was signed on February 30, 2023 and on March 2, 2023.", "2023-03-02"},
             Case{"It was signed on 31 April 2023, then on 2 May 2023.", "2023-05-02"},
             Case{"It was signed on February 29, 2023.", "unknown"},
             Case{"It was signed on February 29, 2024.", "2024-02-29"},
         }) {
        const std::string t = c.text;
        INFO(t);
        CHECK(findDate(t, {0, t.size()}, lexicon()).iso == c.iso);
    }
}
