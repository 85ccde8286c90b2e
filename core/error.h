#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace fieldnotes {

/// What went wrong, in a form callers can branch on; the message is for people.
enum class ErrorCode {
    WrongPassphrase,
    RetryLater,
    VaultNotFound,
    VaultExists,
    VaultDamaged,
    VaultTooNew,
    NotFound,
    InvalidArgument,
    Immutable,
    StorageFull,
    Io,
    OutOfMemory,
    Crypto,
};

struct Error {
    ErrorCode code;
    QString message;
    qint64 retryAfterSeconds = 0; // set with RetryLater
};

/// A value or the error that prevented it.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace fieldnotes
