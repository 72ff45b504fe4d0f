// Prints the mean time of one bcrypt check (Botan, as auth-service runs it)
// at a given cost, so the benchmark can state this machine's bcrypt limit:
// cores ÷ one check's time.
//
// usage: auth_bcrypt_check_time [cost=12] [iterations=8]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <botan/bcrypt.h>
#include <botan/system_rng.h>

int main(int argc, char** argv) {
  const int cost = argc > 1 ? std::atoi(argv[1]) : 12;
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 8;
  if (cost < 4 || cost > 31 || iterations < 1) {
    std::fputs("usage: auth_bcrypt_check_time [cost] [iterations]\n", stderr);
    return 2;
  }
  const std::string password = "benchmark password";
  const auto hash =
      Botan::generate_bcrypt(password, Botan::system_rng(), static_cast<uint16_t>(cost), 'b');
  const auto start = std::chrono::steady_clock::now();
  int matched = 0;
  for (int i = 0; i < iterations; ++i) matched += Botan::check_bcrypt(password, hash) ? 1 : 0;
  const std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  if (matched != iterations) return 1;
  std::printf("%.2f\n", elapsed.count() / iterations);
  return 0;
}
