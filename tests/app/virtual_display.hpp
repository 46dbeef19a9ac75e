#pragma once
// A private X server for one test (Xvfb picks a free display itself with
// -displayfd, so tests running at once never race for one), stopped at
// scope exit; and the viewer run on it as a child process.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace bl::test {

inline bool haveXvfb() { return std::system("command -v Xvfb >/dev/null 2>&1") == 0; }
inline constexpr const char* kNoXvfb = "Xvfb is not installed (install xvfb; CI has it)";

class VirtualDisplay {
public:
    explicit VirtualDisplay(const char* screen) {
        int fds[2];
        if (pipe(fds) != 0) return;
        m_pid = fork();
        if (m_pid == 0) {
            for (int sig : {SIGTERM, SIGINT, SIGSEGV, SIGABRT}) signal(sig, SIG_DFL);
            close(fds[0]);
            const int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
            dup2(devnull, 2);
            const std::string fd = std::to_string(fds[1]);
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen, "-nolisten", "tcp",
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        std::string number;
        char c = 0;
        while (read(fds[0], &c, 1) == 1 && c != '\n') number += c;
        close(fds[0]);
        if (!number.empty()) m_display = ":" + number;
    }
    ~VirtualDisplay() {
        if (m_pid <= 0) return;
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;

    const std::string& display() const { return m_display; }
    // The command prefix that runs a program on this display.
    std::string prefix() const { return "env DISPLAY=" + (m_display.empty() ? std::string(":none") : m_display); }

private:
    pid_t m_pid = -1;
    std::string m_display;
};

// A program started in the background with extra environment variables,
// its output to `log`; terminated (SIGTERM, then SIGKILL) at scope exit
// unless it has ended.
class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env, const std::string& log) {
        m_pid = fork();
        if (m_pid == 0) {
            // Until exec this is a copy of the test runner: a signal must not
            // run its handlers (they would report a failure from the copy).
            for (int sig : {SIGTERM, SIGINT, SIGSEGV, SIGABRT}) signal(sig, SIG_DFL);
            for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
            const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(out, 1);
            dup2(out, 2);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
    }
    ~BackgroundProcess() {
        if (m_pid <= 0 || m_done) return;
        kill(m_pid, SIGTERM);
        for (int i = 0; i < 100 && !ended(); ++i) usleep(50000);
        if (!m_done) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
    }
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    // True once the process has ended; exitCode() is then its status.
    bool ended() {
        if (m_done) return true;
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_done = true;
            m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
        }
        return m_done;
    }
    int exitCode() const { return m_exit; }

private:
    pid_t m_pid = -1;
    bool m_done = false;
    int m_exit = -1;
};

}  // namespace bl::test
