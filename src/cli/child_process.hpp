#pragma once
// One child process, measured: the benchmarks run our own loading and the
// GeoPandas peers each in a fresh child, so time and peak memory (wait4's
// ru_maxrss of that child alone) are the child's own.
#include <functional>
#include <string>

namespace bl::cli {

struct ChildMeasure {
    double seconds = 0.0;  // wall clock, fork to exit
    long peakKiB = 0;      // the child's peak resident memory
    bool ok = false;       // exited with status 0
    std::string output;    // what it wrote to its standard output
};

// Forks; the child runs `body` with its standard output captured and exits
// with what `body` returns (body may exec another program instead).
ChildMeasure measureChild(const std::function<int()>& body);

}  // namespace bl::cli
