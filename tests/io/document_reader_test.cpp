// Reading articles: the date line, CRLF, and every bad-input error.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/news/extract.hpp"
#include "ingest_support.hpp"
#include "io/document_reader.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("The date line is parsed and the article may follow on the same line", "[reader]") {
    auto d = io::parseDocument("a.txt", " date 2024-03-19 PLACE — First words of the story.\nSecond paragraph.\n",
                               lexicon());
    REQUIRE(d);
    CHECK(d->date.iso == "2024-03-19");
    CHECK(d->date.status == DateStatus::Stated);
    CHECK(d->text.compare(d->body.begin, 6, " PLACE") == 0);
    CHECK(d->title.empty());
}

TEST_CASE("Without a date line the date comes from the text or is unknown", "[reader]") {
    auto a = io::parseDocument("a.txt", "A short headline for it\n\nThe talks were held on May 4, 2023 in town.\n",
                               lexicon());
    REQUIRE(a);
    CHECK(a->title == "A short headline for it");
    CHECK(a->date.iso == "2023-05-04");
    CHECK(a->date.status == DateStatus::Inferred);
    auto b = io::parseDocument("b.txt", "Nothing dated here at all.\n", lexicon());
    REQUIRE(b);
    CHECK(b->date.iso == "unknown");
}

TEST_CASE("CRLF files keep their bytes: spans point into the file as read", "[reader]") {
    const std::string text = "Headline of the piece\r\n\r\nFirst sentence here. Second one.\r\n";
    auto d = io::parseDocument("crlf.txt", text, lexicon());
    REQUIRE(d);
    CHECK(d->text == text);
    CHECK(d->title == "Headline of the piece");
    const auto s = splitSentences(d->text, d->body, lexicon());
    REQUIRE(s.size() == 3);
    CHECK(d->text.substr(s[2].span.begin, s[2].span.end - s[2].span.begin) == "Second one.");
}

TEST_CASE("Bad input gives one error naming the file", "[reader]") {
    TempDir tmp;
    SECTION("empty") {
        auto r = io::readDocument(tmp.write("empty.txt", ""), lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("empty.txt") && Catch::Contains("empty"));
    }
    SECTION("whitespace only") {
        auto r = io::readDocument(tmp.write("blank.txt", " \r\n\n  "), lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("blank.txt"));
    }
    SECTION("binary") {
        auto r = io::readDocument(tmp.write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("image.txt") && Catch::Contains("binary"));
    }
    SECTION("invalid UTF-8") {
        auto r = io::readDocument(tmp.write("latin1.txt", "Caf\xe9 talks in Vientiane.\n"), lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("latin1.txt") && Catch::Contains("UTF-8") &&
                                          Catch::Contains("offset 3"));
    }
    SECTION("truncated multi-byte sequence at the end") {
        auto r = io::readDocument(tmp.write("cut.txt", "Vi\xe1\xbb"), lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("cut.txt"));
    }
    SECTION("missing") {
        auto r = io::readDocument(tmp.file("none.txt"), lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("none.txt"));
    }
    SECTION("a directory stops at its first bad file") {
        tmp.write("a.txt", "A fine article about Laos.\n");
        tmp.write("b.txt", "");
        auto r = io::readDocuments({tmp.path().string()}, lexicon());
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("b.txt"));
    }
}
