#pragma once
// Writing user-visible output files safely: never overwrite an existing file
// unless asked, and write to a temporary file in the same directory that is
// renamed into place, so a failure leaves nothing half-written.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace bl::io {

struct Unit {};

// Writes `content` to `path`. Errors name the path: exists (without force),
// directory missing or not writable, disk full.
Result<Unit> writeFileAtomically(const std::string& path, std::string_view content, bool force);
// The same with the content in parts, written one after the other (no
// copy of large parts into one buffer).
Result<Unit> writeFileAtomically(const std::string& path, std::initializer_list<std::string_view> parts, bool force);

// The same checks without writing, for commands that produce output slowly.
Result<Unit> checkWritable(const std::string& path, bool force);

}  // namespace bl::io
