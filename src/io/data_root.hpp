#pragma once
// Where the boundary data lives: --data-root DIR, else $BORDERLENS_DATA, else
// ../shared/geodata beside the checkout. A missing root is an error that
// lists every place that was tried.
#include <string>

#include "core/result.hpp"

namespace bl::io {

Result<std::string> resolveDataRoot(const std::string& fromOption);

// Same rule for the documents folder (--docs, $BORDERLENS_DOCS, ../shared/documents).
Result<std::string> resolveDocumentsRoot(const std::string& fromOption);

}  // namespace bl::io
