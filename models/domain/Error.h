#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace herald {

// An error the UI can show as it is: the message names the row, field or server at fault.
struct Error
{
    enum class Kind {
        Validation,     // bad input: an empty name, an invalid email
        Duplicate,      // a unique value already held by another row
        NotFound,       // the row is gone
        Conflict,       // someone else changed the row since it was read
        Connection,     // the server cannot be reached
        Authentication, // the server refused the credentials
        Schema,         // the database schema cannot be used by this version
        Permission,     // the database refused it to the role logged in (PostgreSQL roles and grants)
        Database,       // any other database failure
        Io,             // files
        Cancelled,      // the user stopped the operation
    };

    Kind kind = Kind::Database;
    QString message;
    QString field; // the field at fault, when there is one ("email")

    static Error validation(const QString& field, const QString& message) { return {Kind::Validation, message, field}; }
    static Error make(Kind kind, const QString& message) { return {kind, message, {}}; }
};

// A value or the error that prevented it.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T& operator*() const& { return *m_value; }
    const T* operator->() const { return &*m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;

} // namespace herald
