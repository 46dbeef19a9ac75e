#pragma once
// Where the tests find their files and the executable. The absolute paths of
// this checkout are compiled into test_paths.cpp alone, so they stay out of
// every other test's command line and ccache hits for a clone in another
// folder (scripts/setup sets CCACHE_BASEDIR to the checkout).
namespace bl::test {

extern const char* const kFixturesDir;       // tests/fixtures
extern const char* const kGoldenDir;         // tests/golden
extern const char* const kBorderlensBinary;  // the built borderlens executable

}  // namespace bl::test

#define BORDERLENS_FIXTURES ::bl::test::kFixturesDir
#define BORDERLENS_GOLDEN_DIR ::bl::test::kGoldenDir
#define BORDERLENS_BINARY ::bl::test::kBorderlensBinary
