#pragma once
// Shared helpers for the tests: the real data (loaded once), temporary
// directories, running the borderlens executable.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "core/boundaries/model.hpp"
#include "io/catalog.hpp"
#include "test_paths.hpp"

namespace bl::test {

namespace fs = std::filesystem;

inline std::string fixture(const std::string& name) { return (fs::path(BORDERLENS_FIXTURES) / name).string(); }

// A fresh empty directory under the system temp dir, removed at scope exit.
class TempDir {
public:
    TempDir() {
        char tmpl[] = "/tmp/borderlens-test-XXXXXX";
        m_path = mkdtemp(tmpl);
    }
    ~TempDir() { std::error_code ec; fs::remove_all(m_path, ec); }
    const fs::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    // Writes `bytes` to `name` in the directory; returns its path.
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(file(name), std::ios::binary) << bytes;
        return file(name);
    }

private:
    fs::path m_path;
};

// Sets an environment variable for the scope, restoring the previous value.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            setenv(name, value->c_str(), 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            setenv(m_name.c_str(), m_old->c_str(), 1);
        else
            unsetenv(m_name.c_str());
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string m_name;
    std::optional<std::string> m_old;
};

struct RunResult {
    int exitCode = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs build/borderlens with the given arguments (already shell-quoted).
inline RunResult runBorderlens(const std::string& args) {
    TempDir tmp;
    const std::string cmd = std::string(BORDERLENS_BINARY) + " " + args + " >" + tmp.file("out") + " 2>" + tmp.file("err");
    RunResult r;
    const int status = std::system(cmd.c_str());
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    auto slurp = [](const std::string& p) {
        std::string s;
        if (FILE* f = std::fopen(p.c_str(), "rb")) {
            char buf[65536];
            for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
            std::fclose(f);
        }
        return s;
    };
    r.out = slurp(tmp.file("out"));
    r.err = slurp(tmp.file("err"));
    return r;
}

// The real catalog and the shared data (../shared/geodata), loaded once per
// test process. Fails the test when the data is absent.
const io::Catalog& realCatalog();
std::shared_ptr<const Dataset> realData();

}  // namespace bl::test
