#pragma once
// The text of a JSON value for output. Strings that are not valid UTF-8 (a
// file name in another encoding, a name from a mis-declared source) have
// their bad bytes replaced by U+FFFD instead of making nlohmann/json throw
// type_error.316. For files that use nlohmann/json themselves (io's own
// .cpp files, the CLI): only its forward declarations are included here, so
// nlohmann/json stays a private dependency of borderlens_io.
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace bl::io {

// indent < 0: one line; otherwise pretty-printed with that many spaces.
std::string dumpJson(const nlohmann::json& value, int indent = -1);

}  // namespace bl::io
