#include "engine/job.hpp"

#include <new>
#include <stdexcept>

namespace bl::engine {

void JobControl::progress(float fraction, std::string stage) {
    std::lock_guard lock(m_mutex);
    m_fraction = fraction;
    m_stage = std::move(stage);
}

float JobControl::fraction() const {
    std::lock_guard lock(m_mutex);
    return m_fraction;
}

std::string JobControl::stage() const {
    std::lock_guard lock(m_mutex);
    return m_stage;
}

Error errorFromException(const std::string& what, std::exception_ptr e) {
    try {
        std::rethrow_exception(e);
    } catch (const std::bad_alloc&) {
        return makeError(what + " ran out of memory");
    } catch (const std::exception& ex) {
        return makeError(what + " failed: " + ex.what());
    } catch (...) {
        return makeError(what + " failed with an unknown error");
    }
}

}  // namespace bl::engine
