#include "io/json_text.hpp"

#include <nlohmann/json.hpp>

namespace bl::io {

std::string dumpJson(const nlohmann::json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace bl::io
