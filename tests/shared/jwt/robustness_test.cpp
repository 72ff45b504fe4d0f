// No input makes the verifier throw, crash or accept; one verifier serves
// many threads. (Its speed is measured by tests/bench/shared/jwt_verify_bench,
// not asserted here: timed tests flake on shared machines.)
#include <atomic>
#include <random>
#include <thread>

#include "shared/jwt/verifier_fixture.hpp"

TEST_CASE("robustness: random mutations of a valid token never pass or throw") {
  const auto verifier = test::make_verifier();
  const std::string good = test::signed_token(test::valid_claims());
  std::mt19937 random(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string token = good;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % token.size();
      switch (random() % 3) {
        case 0:
          token[at] = static_cast<char>(random() % 256);
          break;
        case 1:
          token.erase(at, 1);
          break;
        default:
          token.insert(at, 1, static_cast<char>(random() % 256));
          break;
      }
    }
    if (token == good) continue;
    shared::Result<shared::jwt::VerifiedToken> result = shared::Error::internal("unset");
    REQUIRE_NOTHROW(result = verifier.verify(token));
    INFO("round " << round);
    CHECK_FALSE(result.ok());
  }
}

TEST_CASE("robustness: arbitrary bytes are refused") {
  const auto verifier = test::make_verifier();
  std::mt19937 random(7);
  for (int round = 0; round < 500; ++round) {
    std::string token(random() % 200, '\0');
    for (char& c : token) c = static_cast<char>(random() % 256);
    if (round % 2 == 0 && token.size() > 10) token[3] = token[7] = '.';
    CHECK_FALSE(verifier.verify(token).ok());
  }
}

TEST_CASE("concurrency: one verifier, many threads, right answers") {
  const auto verifier = test::make_verifier();
  const std::string current = test::signed_token(test::valid_claims());
  const std::string previous = test::signed_token(test::valid_claims(), test::kPreviousSecret);
  const std::string forged = test::signed_token(test::valid_claims(), test::kOtherSecret);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (!verifier.verify(current).ok()) ++wrong;
        if (!verifier.verify(previous).ok()) ++wrong;
        if (verifier.verify(forged).ok()) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}
