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

TEST_CASE("Dates read as people write them: in full or in words when the year or day is missing", "[dates][display]") {
    CHECK(displayDate("2024-01-15") == "2024-01-15");
    CHECK(displayDate("--01-15") == "15 January (year not given)");
    CHECK(displayDate("--02-29") == "29 February (year not given)");  // a day some year has
    CHECK(displayDate("2024-01") == "January 2024");
    CHECK(displayDate("--12") == "December (year not given)");
    CHECK(displayDate("2024") == "2024");
    CHECK(displayDate("unknown") == "date unknown");
    CHECK(displayDate("") == "date unknown");
    // Not a date of the calendar, or another form: shown as it is.
    for (const char* odd : {"2023-02-29", "--02-30", "2024-13", "--13-01", "2024-1-15", "24-01-15", "2024-01-15T10:00",
                            "January 2024", "--1-15"})
        CHECK(displayDate(odd) == odd);
}

TEST_CASE("A partial date found in the text displays without the ISO dashes", "[dates][display]") {
    const std::string t = "The pair was twinned on January 15 at the border gate.";
    const DocDate d = findDate(t, {0, t.size()}, lexicon());
    CHECK(d.iso == "--01-15");  // the machine form JSON and CSV keep
    CHECK(d.status == DateStatus::Partial);
    CHECK(displayDate(d.iso) == "15 January (year not given)");
}
