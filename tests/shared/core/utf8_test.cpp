#include "shared/text/utf8.hpp"

#include <catch2/catch.hpp>

using namespace shared::text;

TEST_CASE("code points, not bytes") {
  CHECK(code_point_count("") == 0);
  CHECK(code_point_count("abc") == 3);
  CHECK(code_point_count("é") == 1);
  CHECK(code_point_count("日本") == 2);
  CHECK(code_point_count("😀") == 1);
}

TEST_CASE("trims what Python's str.strip() trims") {
  CHECK(trim_whitespace("  a b \t\n") == "a b");
  CHECK(trim_whitespace("\xC2\xA0x\xE3\x80\x80") == "x");  // NBSP, ideographic space
  CHECK(trim_whitespace("\xE2\x80\x83 é \xE2\x80\xA8") == "é");
  CHECK(trim_whitespace("   ") == "");
  CHECK(trim_whitespace("日本") == "日本");
  CHECK(trim_whitespace("\xE2\x80\x8B") == "\xE2\x80\x8B");  // zero-width space is not whitespace
}

TEST_CASE("recognises malformed UTF-8") {
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("é日😀"));
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  CHECK(contains_nul(std::string_view("a\0b", 3)));
  CHECK_FALSE(contains_nul("ab"));
}

TEST_CASE("to_lower folds the scripts the email rule needs, without a locale") {
  CHECK(to_lower("Ada@Example.COM") == "ada@example.com");
  CHECK(to_lower("ÀÉÎÕÜ") == "àéîõü");
  CHECK(to_lower("ŁÓDŹ") == "łódź");
  CHECK(to_lower("ΑΘΗΝΑ") == "αθηνα");
  CHECK(to_lower("МОСКВА") == "москва");
  CHECK(to_lower("日本") == "日本");
  // Beyond the alphabets above: PostgreSQL's lower() maps these too.
  CHECK(to_lower("MI\u212AE") == "mike");  // KELVIN SIGN
  CHECK(to_lower("\u0130") == "i");
  CHECK(to_lower("\u1E9E") == "\u00DF");
  CHECK(to_lower("\U00010400") == "\U00010428");  // Deseret
  CHECK(to_lower("\xff") == "\xff");              // not UTF-8: returned unchanged
}

TEST_CASE("trimming never splits a code point and stops at invalid bytes") {
  CHECK(trim_whitespace("\u3000 x \u00a0") == "x");
  CHECK(trim_whitespace(" \xff ") == "\xff");
}
