#pragma once
// Errors as values at the edges (see STYLE.md §3). A Result<T> holds either a
// value or an Error whose message is one sentence a user can act on: it names
// the file (or option) and what is wrong.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace bl {

// Whose mistake it is: the data read (exit 1 at the command line) or what
// was asked for, an option or its value (exit 2).
enum class ErrorKind { Data, Option };

struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::Data;
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

inline Error makeError(std::string message) { return Error{std::move(message), ErrorKind::Data}; }
// An error in what was asked for: an option, its value, a name or index that
// is not there.
inline Error optionError(std::string message) { return Error{std::move(message), ErrorKind::Option}; }

}  // namespace bl
