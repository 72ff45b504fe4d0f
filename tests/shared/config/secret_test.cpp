#include <catch2/catch.hpp>

#include "shared/config/fake_env.hpp"
#include "shared/config/temp_file.hpp"

TEST_CASE("secret: NAME directly") {
  CHECK(test::fake_env({{"API_KEY", "direct-value"}}).secret("API_KEY") == "direct-value");
}

TEST_CASE("secret: neither NAME nor NAME_FILE is nullopt (empty counts as unset)") {
  CHECK_FALSE(test::fake_env({}).secret("API_KEY").has_value());
  CHECK_FALSE(test::fake_env({{"API_KEY", ""}, {"API_KEY_FILE", ""}}).secret("API_KEY"));
}

TEST_CASE("secret: NAME_FILE contents with exactly one trailing newline removed") {
  const test::TempFile lf("file-value\n");
  CHECK(test::fake_env({{"API_KEY_FILE", lf.path()}}).secret("API_KEY") == "file-value");
  const test::TempFile crlf("file-value\r\n");
  CHECK(test::fake_env({{"API_KEY_FILE", crlf.path()}}).secret("API_KEY") == "file-value");
  const test::TempFile two("file-value\n\n");
  CHECK(test::fake_env({{"API_KEY_FILE", two.path()}}).secret("API_KEY") == "file-value\n");
  const test::TempFile none("file-value");
  CHECK(test::fake_env({{"API_KEY_FILE", none.path()}}).secret("API_KEY") == "file-value");
  const test::TempFile inner(" a b\nc ");
  CHECK(test::fake_env({{"API_KEY_FILE", inner.path()}}).secret("API_KEY") == " a b\nc ");
}

TEST_CASE("secret: both NAME and NAME_FILE set is an error that repeats neither value") {
  const test::TempFile file("file-secret-value\n");
  const auto env =
      test::fake_env({{"API_KEY", "direct-secret-value"}, {"API_KEY_FILE", file.path()}});
  test::require_config_error([&] { (void)env.secret("API_KEY"); }, "API_KEY",
                             "direct-secret-value");
  test::require_config_error([&] { (void)env.secret("API_KEY"); }, "API_KEY", file.path());
}

TEST_CASE("secret: an unreadable NAME_FILE is an error naming NAME_FILE, not the path") {
  const std::string missing = "/tmp/todo-config-test-does-not-exist/secret";
  const auto env = test::fake_env({{"API_KEY_FILE", missing}});
  test::require_config_error([&] { (void)env.secret("API_KEY"); }, "API_KEY_FILE", missing);
}

TEST_CASE("secret: a directory as NAME_FILE is an error") {
  const auto env = test::fake_env({{"API_KEY_FILE", "/tmp"}});
  test::require_config_error([&] { (void)env.secret("API_KEY"); }, "API_KEY_FILE", "/tmp");
}

TEST_CASE("secret: a file over 64 KiB is refused instead of read whole") {
  constexpr std::size_t k64KiB = std::size_t{64} * 1024;
  const test::TempFile huge(std::string(k64KiB + 1, 'x'));
  const auto env = test::fake_env({{"API_KEY_FILE", huge.path()}});
  test::require_config_error([&] { (void)env.secret("API_KEY"); }, "API_KEY_FILE", huge.path());
  const test::TempFile limit(std::string(k64KiB, 'x'));
  CHECK(test::fake_env({{"API_KEY_FILE", limit.path()}}).secret("API_KEY")->size() == k64KiB);
}
