#pragma once
// Skipped tests are reported as skipped, never as passed. Catch2 2.13 has no
// SKIP, so a test that cannot run here (no xvfb-run, running as root, peak
// memory under a sanitizer) calls BL_SKIP(reason): the skip is recorded for the
// running test case and the calling function returns.
//
// test_main.cpp prints "skipped: <case>: <reason>" for every recorded skip and
// exits with 77 when the run executed exactly one test case and it was
// skipped without a failure; ctest runs one case per process and registers
// SKIP_RETURN_CODE 77 (tests/CMakeLists.txt), so such a case shows as Skipped.
// A failure recorded before or after the skip still fails the case.
//
// BL_SKIP returns from the function it is written in: inside a helper, the
// test case goes on after the helper returns and is still reported skipped.
#include <sstream>
#include <string>

namespace bl::test {

// Records the running test case as skipped; `reason` says what is missing.
void recordSkip(const std::string& reason);

}  // namespace bl::test

// `reason` is streamed, as in INFO: BL_SKIP("no " << tool).
#define BL_SKIP(reason)                             \
    do {                                            \
        std::ostringstream blSkipReason;            \
        blSkipReason << reason;                     \
        ::bl::test::recordSkip(blSkipReason.str()); \
        return;                                     \
    } while (false)
