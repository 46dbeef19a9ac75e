#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/names/utf8.hpp"

using namespace bl;

namespace {

std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    while (!s.empty()) out.push_back(popCodePoint(s));
    return out;
}

}  // namespace

TEST_CASE("UTF-8 decodes one to four byte sequences", "[core][names][utf8]") {
    CHECK(decode("Quảng Trị") == std::vector<char32_t>{U'Q', U'u', U'ả', U'n', U'g', U' ', U'T', U'r', U'ị'});
    CHECK(decode("Đ–≈") == std::vector<char32_t>{0x0110, 0x2013, 0x2248});
    CHECK(decode("\xF0\x9F\x97\xBA") == std::vector<char32_t>{0x1F5FA});
    CHECK(decode("").empty());
}

TEST_CASE("Malformed UTF-8 becomes U+FFFD one byte at a time and decoding goes on", "[core][names][utf8]") {
    const char32_t r = kReplacementCharacter;
    CHECK(decode("a\x80z") == std::vector<char32_t>{U'a', r, U'z'});         // stray continuation
    CHECK(decode("\xE1\xBA") == std::vector<char32_t>{r, r});                // truncated
    CHECK(decode("\xC0\xAF") == std::vector<char32_t>{r, r});                // overlong "/"
    CHECK(decode("\xED\xA0\x80") == std::vector<char32_t>{r, r, r});         // surrogate
    CHECK(decode("\xF4\x90\x80\x80") == std::vector<char32_t>{r, r, r, r});  // above U+10FFFF
    CHECK(decode("\xFF") == std::vector<char32_t>{r});
}
