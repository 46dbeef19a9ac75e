#pragma once
// Name folding for matching. Display names keep their diacritics; matching
// uses a key built with ICU: canonical decomposition, combining marks
// removed, đ→d, case folded, punctuation to spaces, administrative type
// prefixes ("Tỉnh", "Huyện", "Xã", "Muang", ...) stripped. Thread-safe.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>


namespace bl {

// "Huyện Hướng Hóa" -> "huong hoa"; "Thành phố Hà Nội" -> "ha noi".
std::string foldName(std::string_view utf8);

// Marks/case folding only, no prefix stripping: "Huyện Hướng Hóa" -> "huyen huong hoa".
std::string foldText(std::string_view utf8);

// The key without spaces, for "Se Pon" vs "Sepon".
std::string compactKey(std::string_view folded);

// Romanisation variants. Each group lists folded spellings of one name; the
// first is canonical. Filled from geodata/aliases.json by io/catalog.
class AliasTable {
public:
    void addGroup(const std::vector<std::string>& spellings);

    // Canonical folded key for a folded name (the name itself if unknown).
    std::string canonical(const std::string& folded) const;
    bool known(const std::string& folded) const;
    size_t size() const { return m_groups; }

private:
    std::unordered_map<std::string, std::string> m_canon;  // compact key -> canonical
    size_t m_groups = 0;
};

// Edit distance (with adjacent transpositions) on bytes of folded keys.
size_t editDistance(std::string_view a, std::string_view b);

}  // namespace bl
