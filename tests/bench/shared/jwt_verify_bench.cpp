// Prints how long the shared verifier takes per token (both keys tried: the
// token is signed with the previous secret). A benchmark, not a test: it
// prints numbers and asserts nothing about time.
#include <chrono>
#include <cstdio>

#include "shared/jwt/verifier_fixture.hpp"

int main() {
  const auto verifier = test::make_verifier();
  const std::string token = test::signed_token(test::valid_claims(), test::kPreviousSecret);
  constexpr int kBatches = 20;
  constexpr int kPerBatch = 5000;
  auto best = std::chrono::steady_clock::duration::max();
  for (int batch = 0; batch < kBatches; ++batch) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kPerBatch; ++i) {
      if (!verifier.verify(token).ok()) return 1;
    }
    best = std::min(best, (std::chrono::steady_clock::now() - start) / kPerBatch);
  }
  std::printf("jwt verify: %.2f us per token (best of %d batches of %d)\n",
              std::chrono::duration<double, std::micro>(best).count(), kBatches, kPerBatch);
  return 0;
}
