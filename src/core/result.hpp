#pragma once
// Errors as values at the edges (see STYLE.md §3). A Result<T> holds either a
// value or an Error whose message is one sentence a user can act on: it names
// the file (or option) and what is wrong.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace bl {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() { assert(ok()); return std::get<0>(m_v); }
    const T& value() const { assert(ok()); return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

inline Error makeError(std::string message) { return Error{std::move(message)}; }

}  // namespace bl
