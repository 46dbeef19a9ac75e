#pragma once
// Our inputs (layer sources, catalogs, alias tables, documents, cache
// entries) must be regular files. A FIFO would block its reader until some
// writer comes (forever, usually), a character device such as /dev/zero
// never ends, and a directory fails deep inside a stream with the library's
// words. Every reader asks here first; the error is one sentence naming the
// file and what it is instead.
#include <cstdint>
#include <limits>
#include <string>
#include <variant>

#include "core/result.hpp"

namespace bl::io {

// Ok when `path` (symbolic links followed) is a regular file. Otherwise
// "<what> PATH does not exist", "... is a directory, not a regular file",
// "... is a FIFO (named pipe), not a regular file", "... is a character
// device, not a regular file", ... `what` names the role: "catalog",
// "document", "layer fx: file".
Result<std::monostate> checkRegularFile(const std::string& path, const std::string& what);

// The whole of a regular file. Opened without blocking and checked on the
// open descriptor, so something swapped in after a check cannot block the
// reader either. Refuses a file of more than `maxBytes`, naming its size.
Result<std::string> readRegularFile(const std::string& path, const std::string& what,
                                    uint64_t maxBytes = std::numeric_limits<uint64_t>::max());

}  // namespace bl::io
