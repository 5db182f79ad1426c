#pragma once
// Status and Result<T>: how aisec reports expected failures without exceptions.
// A Status is cheap on success (no allocation). A Result<T> holds either a value or an Error.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include "core/location.h"

namespace aisec {

enum class ErrorCode : uint8_t {
  kOk = 0,
  kNotFound,
  kInvalidArgument,  // usage or configuration error
  kParse,            // malformed input file
  kLimit,            // a size, count or depth limit was reached
  kIo,
  kUnsupported,
  kInternal,
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  Location location;  // where in an input the problem is; empty path when not about a file
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  explicit Status(Error error) : error_(std::move(error)), ok_(false) {}

  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return Make(ErrorCode::kNotFound, std::move(msg)); }
  static Status Invalid(std::string msg) { return Make(ErrorCode::kInvalidArgument, std::move(msg)); }
  static Status Parse(std::string msg, Location loc = {}) {
    return Status(Error{ErrorCode::kParse, std::move(msg), std::move(loc)});
  }
  static Status Limit(std::string msg) { return Make(ErrorCode::kLimit, std::move(msg)); }
  static Status Io(std::string msg) { return Make(ErrorCode::kIo, std::move(msg)); }
  static Status Internal(std::string msg) { return Make(ErrorCode::kInternal, std::move(msg)); }

  bool ok() const { return ok_; }
  ErrorCode code() const { return ok_ ? ErrorCode::kOk : error_.code; }
  const Error& error() const { return error_; }
  const std::string& message() const { return error_.message; }
  // "parse error: message (path:line)"
  std::string ToString() const;

 private:
  static Status Make(ErrorCode code, std::string msg) {
    return Status(Error{code, std::move(msg), {}});
  }
  Error error_;
  bool ok_ = true;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}     // NOLINT
  Result(Status status) : v_(status.error()) {}     // NOLINT: REQUIRES !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(v_); }
  Status status() const { return ok() ? Status() : Status(error()); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace aisec
