#pragma once
// A FIFO for tests of readers that must refuse it without opening it. Should
// a reader regress and block on it (a reader waits in open() for a writer, a
// writer for a reader), a guard thread releases it after a deadline: it opens
// the FIFO from the other side, non-blocking (a writer it closes at once, so
// a released reader sees end of file; a reader it keeps and drains, so a
// released writer gets no SIGPIPE). fired() then says the deadline passed
// with the test still running: the test fails instead of hanging.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace bl::test {

class GuardedFifo {
public:
    explicit GuardedFifo(std::string path, std::chrono::milliseconds deadline = std::chrono::seconds(10))
        : m_path(std::move(path)) {
        m_made = ::mkfifo(m_path.c_str(), 0600) == 0;
        m_guard = std::thread([this, deadline] { guard(deadline); });
    }
    ~GuardedFifo() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_guard.join();
    }
    GuardedFifo(const GuardedFifo&) = delete;
    GuardedFifo& operator=(const GuardedFifo&) = delete;

    const std::string& path() const { return m_path; }
    bool made() const { return m_made; }
    // The deadline passed before the test was done with the FIFO.
    bool fired() const { return m_fired; }

private:
    void guard(std::chrono::milliseconds deadline) {
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, deadline, [this] { return m_stop; })) return;
        m_fired = true;
        // A blocked writer: a read end, kept open and drained until the end
        // (closing it under a writer would kill the test with SIGPIPE).
        const int drain = ::open(m_path.c_str(), O_RDONLY | O_NONBLOCK);
        while (!m_stop) {
            // A blocked reader: a writer opens (O_WRONLY|O_NONBLOCK fails
            // with ENXIO while no reader is there) and closes at once, so
            // the reader sees end of file.
            if (int fd = ::open(m_path.c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) ::close(fd);
            char buf[4096];
            while (drain >= 0 && ::read(drain, buf, sizeof buf) > 0) {
            }
            m_wake.wait_for(lock, std::chrono::milliseconds(20), [this] { return m_stop; });
        }
        if (drain >= 0) ::close(drain);
    }

    std::string m_path;
    bool m_made = false;
    std::atomic<bool> m_fired{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_guard;
};

// A FIFO with a reader thread that collects everything written into it,
// for tests of writers that must write into a FIFO (never replace it).
class FifoReader {
public:
    explicit FifoReader(std::string path) : m_path(std::move(path)) {
        m_made = ::mkfifo(m_path.c_str(), 0600) == 0;
        if (m_made)
            m_reader = std::thread([this] {
                const int fd = ::open(m_path.c_str(), O_RDONLY);
                char buf[4096];
                for (ssize_t n; fd >= 0 && (n = ::read(fd, buf, sizeof buf)) > 0;) m_received.append(buf, size_t(n));
                if (fd >= 0) ::close(fd);
            });
    }
    ~FifoReader() { finish(); }
    FifoReader(const FifoReader&) = delete;
    FifoReader& operator=(const FifoReader&) = delete;

    const std::string& path() const { return m_path; }
    bool made() const { return m_made; }
    // Waits for the writer to close the FIFO; what it wrote.
    const std::string& finish() {
        if (m_reader.joinable()) m_reader.join();
        return m_received;
    }

private:
    std::string m_path;
    bool m_made = false;
    std::string m_received;
    std::thread m_reader;
};

}  // namespace bl::test
