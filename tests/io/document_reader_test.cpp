// Reading articles: the date line, CRLF, and every bad-input error.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/news/extract.hpp"
#include "fifo_guard.hpp"
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

namespace {

// `text` (ASCII and Vietnamese) as UTF-16 code units, in either byte order.
std::string utf16(const std::u16string& text, bool littleEndian, bool mark) {
    std::string out;
    auto put = [&](char16_t c) {
        const char lo = char(c & 0xFF), hi = char(c >> 8);
        out += littleEndian ? std::string{lo, hi} : std::string{hi, lo};
    };
    if (mark) put(u'\uFEFF');
    for (char16_t c : text) put(c);
    return out;
}

}  // namespace

TEST_CASE("Documents: a FIFO, a device or a FIFO inside a documents directory is refused by name, never read",
          "[reader][special-files]") {
    TempDir tmp;
    GuardedFifo fifo(tmp.file("article.txt"));
    REQUIRE(fifo.made());
    auto r = io::readDocument(fifo.path(), lexicon());
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "document " + fifo.path() + " is a FIFO (named pipe), not a regular file");

    tmp.write("a.txt", "A fine article about Laos.\n");
    fs::create_directories(tmp.path() / "sub");  // not recursive: passed over
    auto dir = io::readDocuments({tmp.path().string()}, lexicon());
    REQUIRE_FALSE(dir);
    CHECK(dir.error().message == "document " + fifo.path() + " is a FIFO (named pipe), not a regular file");
    CHECK_FALSE(fifo.fired());

    auto zero = io::readDocument("/dev/zero", lexicon());
    REQUIRE_FALSE(zero);
    CHECK(zero.error().message == "document /dev/zero is a character device, not a regular file");
    auto folder = io::readDocument(tmp.path().string(), lexicon());
    REQUIRE_FALSE(folder);
    CHECK(folder.error().message == "document " + tmp.path().string() + " is a directory, not a regular file");
}

TEST_CASE("Documents: UTF-16 is named with the line that converts it, and a NUL byte is found anywhere", "[reader]") {
    TempDir tmp;
    const std::u16string text = u"Hà Nội và Viêng Chăn ký kết hợp tác kết nghĩa.\n";
    struct Case {
        bool littleEndian, mark;
        const char *order, *iconvFrom;
    };
    for (const Case& c :
         {Case{true, true, "little-endian", "UTF-16"}, Case{false, true, "big-endian", "UTF-16"},
          Case{true, false, "little-endian", "UTF-16LE"}, Case{false, false, "big-endian", "UTF-16BE"}}) {
        const std::string path = tmp.write("utf16.txt", utf16(text, c.littleEndian, c.mark));
        auto r = io::readDocument(path, lexicon());
        INFO(c.order << (c.mark ? " with" : " without") << " a byte-order mark");
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "document " + path + " is UTF-16 (" + c.order +
                                       "), not UTF-8; convert it first: iconv -f " + c.iconvFrom + " -t UTF-8 " + path +
                                       " > " + path + ".utf8.txt");
    }

    // One NUL byte far past the first 64 KiB of an otherwise plain article.
    std::string article;
    while (article.size() < 200'000) article += "The two provinces of Viet Nam and Laos met again. ";
    article[150'000] = '\0';
    const std::string late = tmp.write("late-nul.txt", article);
    auto r = io::readDocument(late, lexicon());
    REQUIRE_FALSE(r);
    CHECK(r.error().message ==
          "document " + late + " is binary (NUL byte at offset 150000); expected plain UTF-8 text");
    article[150'000] = 'x';
    CHECK(io::readDocument(tmp.write("fine.txt", article), lexicon()));
}

TEST_CASE("Documents: a date line naming no calendar day is not a stated date, and the note says why", "[reader]") {
    auto impossible = io::parseDocument("a.txt", "date 2023-02-30\nThe two provinces met in Vientiane.\n", lexicon());
    REQUIRE(impossible);
    CHECK(impossible->date.status == DateStatus::Unknown);
    CHECK(impossible->date.iso == "unknown");
    CHECK(impossible->date.note ==
          "the date line says 2023-02-30, which is not a calendar date, so it was not taken (no date in the text "
          "either)");
    CHECK(impossible->text.compare(impossible->body.begin, 5, "\nThe ") == 0);  // the line is still not the article

    // A date in the text is then used, and the note says both.
    auto fromText =
        io::parseDocument("b.txt", "date 2023-02-29\nThe plan was signed on March 3, 2023 in Vientiane.\n", lexicon());
    REQUIRE(fromText);
    CHECK(fromText->date.status == DateStatus::Inferred);
    CHECK(fromText->date.iso == "2023-03-03");
    CHECK_THAT(fromText->date.note, Catch::StartsWith("the date line says 2023-02-29, which is not a calendar date") &&
                                        Catch::Contains("date used: date stated in the text"));

    for (const char* line : {"date 2024-02-29", "date 2000-02-29", "date 2023-12-31"}) {
        auto ok = io::parseDocument("c.txt", std::string(line) + "\nThe two provinces met.\n", lexicon());
        REQUIRE(ok);
        CHECK(ok->date.status == DateStatus::Stated);
        CHECK(ok->date.iso == std::string(line).substr(5));
    }
    for (const char* line : {"date 1900-02-29", "date 2023-04-31", "date 2023-13-01", "date 2023-00-10"}) {
        auto no = io::parseDocument("d.txt", std::string(line) + "\nThe two provinces met.\n", lexicon());
        REQUIRE(no);
        INFO(line);
        CHECK(no->date.status != DateStatus::Stated);
    }
}
