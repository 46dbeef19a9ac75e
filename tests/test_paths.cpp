#include "test_paths.hpp"

namespace bl::test {

const char* const kFixturesDir = BORDERLENS_FIXTURES_PATH;
const char* const kGoldenDir = BORDERLENS_GOLDEN_PATH;
const char* const kBorderlensBinary = BORDERLENS_BINARY_PATH;

}  // namespace bl::test
