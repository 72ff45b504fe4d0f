#include "auth/adapters/workers/bounded_worker_pool.hpp"

#include <atomic>
#include <future>

#include <catch2/catch.hpp>

using auth::adapters::workers::BoundedWorkerPool;

TEST_CASE("jobs run on the workers, off the submitting thread", "[unit][workers]") {
  BoundedWorkerPool pool(2, 8);
  std::promise<std::thread::id> ran_on;
  REQUIRE(pool.try_submit([&] { ran_on.set_value(std::this_thread::get_id()); }));
  CHECK(ran_on.get_future().get() != std::this_thread::get_id());
}

TEST_CASE("a full queue refuses at once and the depth is visible", "[unit][workers]") {
  BoundedWorkerPool pool(1, 2);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  REQUIRE(pool.try_submit([&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();  // the worker is busy; now fill the queue
  std::atomic<int> ran{0};
  CHECK(pool.try_submit([&] { ++ran; }));
  CHECK(pool.try_submit([&] { ++ran; }));
  CHECK(pool.queue_depth() == 2);
  CHECK_FALSE(pool.try_submit([&] { ++ran; }));
  release.set_value();
  pool.shutdown();  // runs what was queued
  CHECK(ran == 2);
  CHECK(pool.queue_depth() == 0);
  CHECK_FALSE(pool.try_submit([] {}));
}

TEST_CASE("a throwing job does not stop its worker", "[unit][workers]") {
  BoundedWorkerPool pool(1, 4);
  REQUIRE(pool.try_submit([] { throw std::runtime_error("boom"); }));
  std::promise<void> done;
  REQUIRE(pool.try_submit([&] { done.set_value(); }));
  CHECK(done.get_future().wait_for(std::chrono::seconds(5)) == std::future_status::ready);
}
