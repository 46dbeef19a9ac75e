#pragma once
// One background-job type for every slow use-case (loading, adjacency,
// documents, export): the body runs on its own thread with a JobControl for
// progress and stop requests, and its outcome is a Result<T>. Inputs are
// captured by the body as std::shared_ptr<const ...>, so nothing it reads can
// go away while it runs. Every exception the body lets out becomes a
// one-sentence Error, never an abort; a stopped body's error says so.
//
// Threading: construct, poll and destroy from one thread (the UI thread);
// the body runs on the job's thread. Destroying a job asks it to stop and
// waits for it; bodies check stopRequested() (or pass stopToken() down to
// loaders) often enough that this is prompt.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "core/result.hpp"

namespace bl::engine {

class JobControl {
public:
    explicit JobControl(std::stop_token stop) : m_stop(std::move(stop)) {}

    bool stopRequested() const { return m_stop.stop_requested(); }
    const std::stop_token& stopToken() const { return m_stop; }

    // fraction 0..1 of the whole job, and what it is doing now.
    void progress(float fraction, std::string stage);
    float fraction() const;
    std::string stage() const;

private:
    std::stop_token m_stop;
    mutable std::mutex m_mutex;
    float m_fraction = 0.0f;
    std::string m_stage = "starting";
};

// The Error of a body that let an exception out, named by `what` ("loading
// the map", ...).
Error errorFromException(const std::string& what, std::exception_ptr e);

template <typename T>
class Job {
public:
    using Body = std::function<Result<T>(JobControl&)>;

    // `what` names the job in error messages ("loading the map").
    Job(std::string what, Body body) : m_what(std::move(what)) {
        m_thread = std::jthread([this, body = std::move(body)](std::stop_token stop) {
            m_control.emplace(stop);
            m_started.store(true);
            std::optional<Result<T>> out;
            try {
                out.emplace(body(*m_control));
                if (!out->ok() && stop.stop_requested()) out.emplace(makeError(m_what + " was cancelled"));
            } catch (...) {
                out.emplace(errorFromException(m_what, std::current_exception()));
            }
            {
                std::lock_guard lock(m_mutex);
                m_result = std::move(out);
            }
            m_finished.store(true);
        });
    }
    ~Job() { cancel(); }  // jthread joins
    Job(const Job&) = delete;
    Job& operator=(const Job&) = delete;

    void cancel() { m_thread.request_stop(); }
    bool finished() const { return m_finished.load(); }
    float fraction() const { return m_started.load() ? m_control->fraction() : 0.0f; }
    std::string stage() const { return m_started.load() ? m_control->stage() : std::string("starting"); }
    const std::string& what() const { return m_what; }

    // Waits until it has finished, then its result.
    const Result<T>& wait() {
        if (m_thread.joinable()) m_thread.join();
        return result();
    }

    // Valid once finished(): the value, or the error.
    const Result<T>& result() const {
        std::lock_guard lock(m_mutex);
        return *m_result;
    }

private:
    std::string m_what;
    std::optional<JobControl> m_control;
    std::atomic<bool> m_started{false};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_mutex;
    std::optional<Result<T>> m_result;
    std::jthread m_thread;  // last: started after every member above exists, joined first
};

}  // namespace bl::engine
