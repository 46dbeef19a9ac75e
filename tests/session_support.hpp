#pragma once
// One engine session on the real catalog and data, opened once per test
// process and shared by the cases that need layers through the engine.
#include <memory>

#include <catch2/catch.hpp>

#include "engine/session.hpp"

namespace bl::test {

inline std::shared_ptr<engine::Session> realSession() {
    static std::shared_ptr<engine::Session> s = [] {
        auto r = engine::Session::open({});
        if (!r) FAIL(r.error().message);
        return *r;
    }();
    return s;
}

}  // namespace bl::test
