#include <catch2/catch.hpp>

#include "core/names/names.hpp"

using namespace bl;

TEST_CASE("foldName strips marks, đ, case and type prefixes", "[names]") {
    CHECK(foldName("Huyện Hướng Hóa") == "huong hoa");
    CHECK(foldName("Thành phố Hà Nội") == "ha noi");
    CHECK(foldName("Tỉnh Điện Biên") == "dien bien");
    CHECK(foldName("ĐIỆN BIÊN") == "dien bien");
    CHECK(foldName("Thị xã Quảng Trị") == "quang tri");
    CHECK(foldName("Thị trấn Khe Sanh") == "khe sanh");
    CHECK(foldName("Xã Sín Thầu") == "sin thau");
    CHECK(foldName("Phường Điện Biên Phủ") == "dien bien phu");
    CHECK(foldName("Quận Long Biên") == "long bien");
    CHECK(foldName("Muang Sepone") == "sepone");
    CHECK(foldName("Savannakhet Province") == "savannakhet");
    CHECK(foldName("Thanh Hoá") == foldName("Thanh Hóa"));  // both accent placements
    CHECK(foldName("  Se-Pon  ") == "se pon");
}

TEST_CASE("foldName strips ambiguous prefixes only when written with their diacritics", "[names]") {
    CHECK(foldName("Huyện Quan Sơn") == "quan son");
    CHECK(foldName("Quan Sơn") == "quan son");
    CHECK(foldName("Quận Ba Đình") == "ba dinh");
    CHECK(foldName("Xa Mát") == "xa mat");
    CHECK(foldName("Xã Xa Dung") == "xa dung");
    CHECK(foldName("Phường Phương Liệt") == "phuong liet");
    CHECK(foldName("Huyen Huong Hoa") == "huong hoa");  // unambiguous prefixes also without marks
    CHECK(foldName("HUYỆN MƯỜNG NHÉ") == "muong nhe");
}

TEST_CASE("foldName keeps a name that is only a prefix word", "[names]") {
    CHECK(foldName("Xã") == "xa");
    CHECK(foldName("Huyện") == "huyen");
}

TEST_CASE("foldText folds without removing prefixes", "[names]") {
    CHECK(foldText("Huyện Hướng Hóa") == "huyen huong hoa");
    CHECK(foldText("Tây Trang International Border Gate") == "tay trang international border gate");
}

TEST_CASE("Precomposed and decomposed input fold alike", "[names]") {
    const std::string precomposed = "H\xC6\xB0\xE1\xBB\x9Bng";  // Hướng, NFC
    const std::string decomposed = "Hu\xCC\x9B\x6F\xCC\x9B\xCC\x81ng";  // u+horn, o+horn+acute
    CHECK(foldName(precomposed) == "huong");
    CHECK(foldName(decomposed) == "huong");
}

TEST_CASE("AliasTable maps romanisation variants onto one canonical key", "[names]") {
    AliasTable t;
    t.addGroup({"Sepone", "Se Pon", "Xepon"});
    t.addGroup({"Houaphan", "Houaphanh", "Hua Phan"});
    CHECK(t.canonical("se pon") == "sepone");
    CHECK(t.canonical("sepon") == "sepone");  // spacing ignored
    CHECK(t.canonical("xepon") == "sepone");
    CHECK(t.canonical("hua phan") == "houaphan");
    CHECK(t.canonical("nong") == "nong");     // unknown names map to themselves
    CHECK(t.known("houaphanh"));
    CHECK_FALSE(t.known("nong"));
    CHECK(t.size() == 2);
}

TEST_CASE("editDistance", "[names]") {
    CHECK(editDistance("sepone", "sepon") == 1);
    CHECK(editDistance("", "abc") == 3);
    CHECK(editDistance("samuoi", "samouay") == 3);
    CHECK(editDistance("huonghao", "huonghoa") == 1);  // transposition
    CHECK(editDistance("same", "same") == 0);
}
