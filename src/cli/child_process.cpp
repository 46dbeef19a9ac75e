#include "cli/child_process.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace bl::cli {

ChildMeasure measureChild(const std::function<int()>& body) {
    ChildMeasure m;
    int fds[2];
    if (pipe(fds) != 0) return m;
    std::fflush(nullptr);  // nothing buffered is written twice
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        const int code = body();
        std::fflush(nullptr);
        _exit(code);
    }
    close(fds[1]);
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) m.output.append(buf, size_t(n));
    close(fds[0]);
    int status = 0;
    struct rusage ru {};
    if (pid > 0) wait4(pid, &status, 0, &ru);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.peakKiB = ru.ru_maxrss;
    m.ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return m;
}

}  // namespace bl::cli
