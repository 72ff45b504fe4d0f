#include "shared/time/timestamp.hpp"

#include <cstdint>

namespace shared::time {
namespace {

using std::chrono::days;
using std::chrono::microseconds;

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

void append_digits(std::string& out, std::int64_t value, int width) {
  char buffer[24];
  int n = 0;
  for (int i = 0; i < width || value > 0; ++i) {
    buffer[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  while (n > 0) out.push_back(buffer[--n]);
}

// Reads exactly `count` digits at `pos`, advancing it.
bool read_digits(std::string_view text, std::size_t& pos, int count, int& value) {
  if (pos + static_cast<std::size_t>(count) > text.size()) return false;
  value = 0;
  for (int i = 0; i < count; ++i) {
    const char c = text[pos++];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// The time part after the date: HH:MM[:SS[.f]][offset]. Sets micros of day
// and the offset in minutes east of UTC.
bool parse_time(std::string_view text, std::size_t pos, std::int64_t& micros_of_day,
                int& offset_minutes) {
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(text, pos, 2, hour) || !expect(text, pos, ':') ||
      !read_digits(text, pos, 2, minute) || hour > 23 || minute > 59) {
    return false;
  }
  std::int64_t fraction = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!read_digits(text, pos, 2, second) || second > 59) return false;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      int digits = 0;
      bool round_up = false;  // the 7th digit is 5 or more: half away from zero
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (digits < 6) fraction = fraction * 10 + (text[pos] - '0');
        if (digits == 6) round_up = text[pos] >= '5';
        ++digits;
        ++pos;
      }
      if (digits == 0 || digits > 9) return false;
      for (int i = digits; i < 6; ++i) fraction *= 10;
      // May carry into the next second, day or year; the caller's range
      // check sees the rounded instant.
      if (round_up) ++fraction;
    }
  }
  micros_of_day = ((hour * 60 + minute) * 60 + second) * std::int64_t{1000000} + fraction;
  offset_minutes = 0;
  if (pos == text.size()) return true;
  if (text[pos] == 'Z' || text[pos] == 'z') return pos + 1 == text.size();
  if (text[pos] != '+' && text[pos] != '-') return false;
  const int sign = text[pos++] == '-' ? -1 : 1;
  int offset_hours = 0, offset_mins = 0;
  if (!read_digits(text, pos, 2, offset_hours)) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (!read_digits(text, pos, 2, offset_mins) || pos != text.size()) return false;
  if (offset_hours > 23 || offset_mins > 59) return false;
  offset_minutes = sign * (offset_hours * 60 + offset_mins);
  return true;
}

}  // namespace

void append_rfc3339(std::string& out, Timestamp instant) {
  const std::int64_t micros = instant.time_since_epoch().count();
  std::int64_t day = micros / 86'400'000'000;
  std::int64_t rest = micros % 86'400'000'000;
  if (rest < 0) {
    rest += 86'400'000'000;
    --day;
  }
  const Civil date = civil_from_days(day);
  append_digits(out, date.year, 4);
  out.push_back('-');
  append_digits(out, date.month, 2);
  out.push_back('-');
  append_digits(out, date.day, 2);
  out.push_back('T');
  const std::int64_t seconds = rest / 1'000'000;
  append_digits(out, seconds / 3600, 2);
  out.push_back(':');
  append_digits(out, seconds / 60 % 60, 2);
  out.push_back(':');
  append_digits(out, seconds % 60, 2);
  if (const std::int64_t fraction = rest % 1'000'000; fraction != 0) {
    out.push_back('.');
    append_digits(out, fraction, 6);
  }
  out.push_back('Z');
}

std::string format_rfc3339(Timestamp instant) {
  std::string out;
  out.reserve(27);
  append_rfc3339(out, instant);
  return out;
}

std::optional<Timestamp> parse_date_or_datetime(std::string_view text) {
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!read_digits(text, pos, 4, year) || !expect(text, pos, '-') ||
      !read_digits(text, pos, 2, month) || !expect(text, pos, '-') ||
      !read_digits(text, pos, 2, day)) {
    return std::nullopt;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) {
    return std::nullopt;
  }
  std::int64_t micros_of_day = 0;
  int offset_minutes = 0;
  if (pos != text.size()) {
    const char separator = text[pos++];
    if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
    if (!parse_time(text, pos, micros_of_day, offset_minutes)) return std::nullopt;
  }
  const std::int64_t days_since_epoch =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t micros =
      days_since_epoch * 86'400'000'000 + micros_of_day - std::int64_t{offset_minutes} * 60'000'000;
  static const std::int64_t kMin = days_from_civil(1, 1, 1) * 86'400'000'000;
  static const std::int64_t kMax = days_from_civil(10000, 1, 1) * 86'400'000'000;
  if (micros < kMin || micros >= kMax) return std::nullopt;
  return Timestamp(microseconds(micros));
}

}  // namespace shared::time
