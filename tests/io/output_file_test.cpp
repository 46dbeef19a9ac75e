// Output targets (io/output_file): what is written into, what is replaced
// atomically, what is refused; temporaries removed on SIGTERM and, when their
// writer is gone, by the next write to the same target.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "io/output_file.hpp"
#include "fifo_guard.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::set<std::string> names(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

// A pid that no longer exists: a child that exited and was reaped.
pid_t deadPid() {
    const pid_t pid = fork();
    if (pid == 0) _exit(0);
    int status = 0;
    waitpid(pid, &status, 0);
    return pid;
}

mode_t typeOf(const std::string& path, bool followLinks = false) {
    struct stat st {};
    REQUIRE((followLinks ? stat(path.c_str(), &st) : lstat(path.c_str(), &st)) == 0);
    return st.st_mode & S_IFMT;
}

// A child that opens an output on `target`, writes part of it, says so
// through a pipe and waits to be killed. Returns its pid once the temporary
// exists.
pid_t startSlowWriter(const std::string& target) {
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(ready[0]);
        // As in the borderlens executable: default dispositions (the test
        // framework's own handlers are not ours to keep).
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        auto t = io::resolveOutput(target, false);
        if (!t) _exit(10);
        auto out = io::OutputFile::open(*t);
        if (!out || !out->write("partial content")) _exit(11);
        const char ok = 1;
        if (write(ready[1], &ok, 1) != 1) _exit(12);
        for (;;) pause();
    }
    close(ready[1]);
    char ok = 0;
    const bool started = read(ready[0], &ok, 1) == 1;
    close(ready[0]);
    REQUIRE(started);
    return pid;
}

}  // namespace

TEST_CASE("output: a FIFO with a reader gets the bytes and is still a FIFO", "[io][output]") {
    TempDir tmp;
    FifoReader reader(tmp.file("pipe"));
    REQUIRE(reader.made());
    const std::string& fifo = reader.path();
    const std::string content(100000, 'x');
    // No --force: nothing is replaced.
    const auto w = io::writeFileAtomically(fifo, {std::string_view("head\n"), std::string_view(content)}, false);
    const std::string& received = reader.finish();
    INFO((w ? std::string() : w.error().message));
    CHECK(w.ok());
    CHECK(received == "head\n" + content);
    CHECK(typeOf(fifo) == S_IFIFO);
    CHECK(names(tmp.path()) == std::set<std::string>{"pipe"});  // no temporary beside it
}

TEST_CASE("output: a character device is written into, never replaced, without --force", "[io][output]") {
    const auto t = io::resolveOutput("/dev/null", false);
    REQUIRE(t.ok());
    CHECK(t->kind == io::OutputKind::Stream);
    CHECK(io::writeFileAtomically("/dev/null", "discarded", false).ok());
    CHECK(typeOf("/dev/null") == S_IFCHR);
}

TEST_CASE("output: a link to a regular file is kept and its target written atomically", "[io][output]") {
    TempDir tmp;
    tmp.write("real.csv", "old");
    fs::create_symlink("real.csv", tmp.path() / "link.csv");
    const std::string link = tmp.file("link.csv");

    const auto refused = io::writeFileAtomically(link, "new", false);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Option);
    CHECK_THAT(refused.error().message, Catch::Contains("link.csv") && Catch::Contains("--force"));
    CHECK(slurp(tmp.file("real.csv")) == "old");

    REQUIRE(io::writeFileAtomically(link, "new", true).ok());
    CHECK(typeOf(link) == S_IFLNK);
    CHECK(fs::read_symlink(link) == "real.csv");
    CHECK(slurp(tmp.file("real.csv")) == "new");
    CHECK(names(tmp.path()) == std::set<std::string>{"link.csv", "real.csv"});

    // A dangling link: the file is made where it points.
    fs::create_directories(tmp.path() / "sub");
    fs::create_symlink("sub/made.csv", tmp.path() / "dangling.csv");
    REQUIRE(io::writeFileAtomically(tmp.file("dangling.csv"), "made", false).ok());
    CHECK(typeOf(tmp.file("dangling.csv")) == S_IFLNK);
    CHECK(slurp(tmp.file("sub/made.csv")) == "made");
}

TEST_CASE("output: a directory or a socket is refused as an option problem and left alone", "[io][output]") {
    TempDir tmp;
    fs::create_directories(tmp.path() / "dir");
    for (bool force : {false, true}) {
        const auto w = io::writeFileAtomically(tmp.file("dir"), "x", force);
        REQUIRE_FALSE(w.ok());
        CHECK(w.error().kind == ErrorKind::Option);
        CHECK_THAT(w.error().message, Catch::Contains("dir") && Catch::Contains("is a directory"));
        CHECK(typeOf(tmp.file("dir")) == S_IFDIR);
    }

    const std::string sockPath = tmp.file("sock");
    const int s = socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(sockPath.size() < sizeof addr.sun_path);
    std::memcpy(addr.sun_path, sockPath.c_str(), sockPath.size() + 1);
    REQUIRE(bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const auto w = io::writeFileAtomically(sockPath, "x", true);
    close(s);
    REQUIRE_FALSE(w.ok());
    CHECK(w.error().kind == ErrorKind::Option);
    CHECK_THAT(w.error().message, Catch::Contains("sock") && Catch::Contains("socket"));
    CHECK(typeOf(sockPath) == S_IFSOCK);
}

TEST_CASE("output: a full device is reported naming it, as a failed write", "[io][output]") {
    const auto w = io::writeFileAtomically("/dev/full", std::string(1 << 16, 'x'), false);
    REQUIRE_FALSE(w.ok());
    CHECK(w.error().kind == ErrorKind::Data);
    CHECK_THAT(w.error().message, Catch::Contains("/dev/full") && Catch::Contains("no space left on device"));
    CHECK(typeOf("/dev/full") == S_IFCHR);
}

TEST_CASE("output: missing directories and existing files are option problems", "[io][output]") {
    TempDir tmp;
    const auto missing = io::checkWritable(tmp.file("no/such/out.csv"), true);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::Option);
    CHECK_THAT(missing.error().message, Catch::Contains("no/such") && Catch::Contains("does not exist"));
    tmp.write("out.csv", "keep");
    const auto exists = io::checkWritable(tmp.file("out.csv"), false);
    REQUIRE_FALSE(exists.ok());
    CHECK(exists.error().kind == ErrorKind::Option);
    CHECK(io::checkWritable(tmp.file("out.csv"), true).ok());
    CHECK(io::checkWritable("-", false).ok());
}

TEST_CASE("output: stale temporaries of dead writers go, a live writer's and other files stay", "[io][output]") {
    TempDir tmp;
    const std::string dead = std::to_string(deadPid());
    const std::string live = std::to_string(getppid());
    const std::set<std::string> kept = {"out.png.tmp-" + live + "-abc123",    // a live writer's
                                        "other.png.tmp-" + dead + "-abc123",  // another output's
                                        "out.png.tmp-abc123",                 // not our naming
                                        "out.png.tmp-" + dead + "-abc",       // not our naming
                                        "out.png.bak"};
    for (const auto& n : kept) tmp.write(n, "keep");
    tmp.write("out.png.tmp-" + dead + "-abc123", "stale");
    tmp.write("out.png.tmp-" + dead + "-Xy9Zq1.aux.xml", "stale sidecar");

    REQUIRE(io::writeFileAtomically(tmp.file("out.png"), "new", false).ok());
    std::set<std::string> expected = kept;
    expected.insert("out.png");
    CHECK(names(tmp.path()) == expected);
    CHECK(slurp(tmp.file("out.png")) == "new");
}

TEST_CASE("output: SIGTERM while writing removes the temporary", "[io][output]") {
    TempDir tmp;
    const std::string target = tmp.file("out.csv");
    tmp.write("out.csv", "earlier");
    // Without --force the child would be refused: write a new name instead.
    const std::string fresh = tmp.file("new.csv");
    const pid_t pid = startSlowWriter(fresh);
    const std::string prefix = "new.csv.tmp-" + std::to_string(pid) + "-";
    bool temporarySeen = false;
    for (const auto& n : names(tmp.path())) temporarySeen |= n.rfind(prefix, 0) == 0;
    CHECK(temporarySeen);
    REQUIRE(kill(pid, SIGTERM) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(names(tmp.path()) == std::set<std::string>{"out.csv"});
    CHECK(slurp(target) == "earlier");
}

TEST_CASE("output: a SIGKILLed writer's temporary is removed by the next write", "[io][output]") {
    TempDir tmp;
    const pid_t pid = startSlowWriter(tmp.file("out.csv"));
    REQUIRE(kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(names(tmp.path()).size() == 1);  // the temporary survives SIGKILL
    REQUIRE(io::writeFileAtomically(tmp.file("out.csv"), "complete", false).ok());
    CHECK(names(tmp.path()) == std::set<std::string>{"out.csv"});
    CHECK(slurp(tmp.file("out.csv")) == "complete");
}
