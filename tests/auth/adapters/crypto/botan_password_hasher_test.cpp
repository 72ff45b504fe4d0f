#include "auth/adapters/crypto/botan_password_hasher.hpp"

#include <cstdio>
#include <memory>

#include <catch2/catch.hpp>

using auth::adapters::crypto::BotanPasswordHasher;
using auth::domain::PlainPassword;

namespace {
// A bcrypt hash made by another implementation: python-bcrypt (Debian's
// /usr/bin/python3; the `python3` on PATH may lack the module).
std::string python_bcrypt_hash(const std::string& password) {
  const std::string command =
      "/usr/bin/python3 -c 'import bcrypt,sys; "
      "print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(10)).decode())' '" +
      password + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  char line[128] = {};
  REQUIRE(std::fgets(line, sizeof line, pipe.get()) != nullptr);
  std::string hash(line);
  while (!hash.empty() && hash.back() == '\n') hash.pop_back();
  return hash;
}
}  // namespace

TEST_CASE("hashes are $2b$ at the configured cost and check back", "[unit][bcrypt]") {
  BotanPasswordHasher hasher(10);
  const auto hash = hasher.hash(PlainPassword::parse("correct horse").value());
  REQUIRE(hash.ok());
  CHECK_THAT(*hash, Catch::StartsWith("$2b$10$"));
  CHECK(hash->size() == 60);
  CHECK(hasher.matches("correct horse", *hash));
  CHECK_FALSE(hasher.matches("correct horsE", *hash));
  CHECK(hasher.hash(PlainPassword::parse("correct horse").value()).value() != *hash);  // salted
}

TEST_CASE("hashes made by python-bcrypt check, with $2a$, $2b$ and $2y$ prefixes",
          "[unit][bcrypt]") {
  BotanPasswordHasher hasher(10);
  const std::string hash = python_bcrypt_hash("from python 3");
  REQUIRE_THAT(hash, Catch::StartsWith("$2b$"));
  for (const char* prefix : {"$2a$", "$2b$", "$2y$"}) {
    const std::string variant = prefix + hash.substr(4);
    CHECK(hasher.matches("from python 3", variant));
    CHECK_FALSE(hasher.matches("from python 4", variant));
  }
}

TEST_CASE("the full 72 bytes count, multibyte ones included", "[unit][bcrypt]") {
  BotanPasswordHasher hasher(10);
  std::string euros;
  for (int i = 0; i < 24; ++i) euros += "€";  // 72 bytes
  const auto hash = hasher.hash(PlainPassword::parse(euros).value());
  REQUIRE(hash.ok());
  CHECK(hasher.matches(euros, *hash));
  CHECK_FALSE(hasher.matches(euros.substr(0, 71), *hash));
}

TEST_CASE("unreadable hashes never match and never throw", "[unit][bcrypt]") {
  BotanPasswordHasher hasher(10);
  CHECK_FALSE(hasher.matches("whatever1", ""));
  CHECK_FALSE(hasher.matches("whatever1", "plain-text-password"));
  CHECK_FALSE(hasher.matches("whatever1", "$2b$10$" + std::string(53, '!')));
  CHECK_FALSE(
      hasher.matches("whatever1", "$2x$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"));
  hasher.spend_equivalent_effort("whatever1");
}

TEST_CASE("costs outside 10..15 are refused", "[unit][bcrypt]") {
  CHECK_THROWS_AS(BotanPasswordHasher(9), std::invalid_argument);
  CHECK_THROWS_AS(BotanPasswordHasher(16), std::invalid_argument);
}
