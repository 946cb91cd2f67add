#pragma once

#include "core/PlatformError.h"

#include <utility>
#include <variant>

namespace funcdesk {

// A value or a typed error: the one shape every fallible call below the UI returns.
template <typename T> class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}             // NOLINT: implicit on purpose
    Result(PlatformError error) : m_state(std::move(error)) {} // NOLINT

    static Result failure(PlatformError::Kind kind, QString message)
    {
        return Result(PlatformError{kind, std::move(message)});
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const PlatformError &error() const { return std::get<PlatformError>(m_state); }

private:
    std::variant<T, PlatformError> m_state;
};

// For calls that succeed with nothing to return.
struct Done
{
};

} // namespace funcdesk
