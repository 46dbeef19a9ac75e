#include "io/output_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace bl::io {

namespace fs = std::filesystem;

// ---- live temporaries, removed on SIGINT/SIGTERM/SIGHUP ------------------

namespace {

// A fixed table: the handler may only read memory that never moves, with
// lock-free atomics. A slot is Free, Busy (its path being copied in: the
// handler skips it) or Live.
constexpr int kSlots = 64;
constexpr size_t kSlotPath = 4096;
enum SlotState : int { kFree = 0, kBusy = 1, kLive = 2 };
struct Slot {
    std::atomic<int> state{kFree};
    char path[kSlotPath];
};
Slot g_slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free);

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void removeTemporariesAndReraise(int sig) {
    const int savedErrno = errno;
    for (Slot& s : g_slots)
        if (s.state.load(std::memory_order_acquire) == kLive) unlink(s.path);
    struct sigaction dfl;
    std::memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, nullptr);
    raise(sig);  // delivered with the default action once the handler returns
    errno = savedErrno;
}

// Only where the signal has its default action: an ignored SIGHUP (nohup)
// or a handler of the embedding program (a test framework's) is left alone.
// Checked at every registration, not once, so a process that restores the
// default later (a forked child) is covered too.
void installHandlers() {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = removeTemporariesAndReraise;
    sigemptyset(&sa.sa_mask);
    for (int sig : kSignals) sigaddset(&sa.sa_mask, sig);
    for (int sig : kSignals) {
        struct sigaction old;
        if (sigaction(sig, nullptr, &old) == 0 && !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_DFL)
            sigaction(sig, &sa, nullptr);
    }
}

// -1 when the table is full or the path too long: the file is then removed
// only by its owner or by the next writer's stale clean-up.
int registerTemporary(const std::string& path) {
    if (path.size() >= kSlotPath) return -1;
    installHandlers();
    for (int i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (!g_slots[i].state.compare_exchange_strong(expected, kBusy, std::memory_order_acq_rel)) continue;
        std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
        g_slots[i].state.store(kLive, std::memory_order_release);
        return i;
    }
    return -1;
}

void unregisterTemporary(int slot) {
    if (slot < 0) return;
    g_slots[slot].state.store(kFree, std::memory_order_release);
}

std::string shown(const OutputTarget& t) { return t.kind == OutputKind::Stdout ? "standard output" : t.path; }

// The last component followed through symbolic links (at most 40, as the
// kernel does); directories above it are left as they are.
Result<std::string> followLinks(const std::string& path) {
    std::string p = path;
    for (int hop = 0; hop < 40; ++hop) {
        struct stat st;
        if (lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::vector<char> buf(size_t(st.st_size > 0 ? st.st_size : 4095) + 1);
        const ssize_t n = readlink(p.c_str(), buf.data(), buf.size());
        if (n < 0) return optionError("cannot write " + path + ": " + writeFailure(errno));
        const std::string to(buf.data(), size_t(n));
        const fs::path parent = fs::path(p).parent_path();
        p = (to.empty() || to.front() == '/' || parent.empty()) ? to : (parent / to).string();
    }
    return optionError("cannot write " + path + ": too many levels of symbolic links");
}

bool isTemporarySuffix(std::string_view rest, pid_t& pid) {
    // "<pid>-XXXXXX", optionally followed by GDAL's ".aux.xml".
    size_t i = 0;
    long long value = 0;
    while (i < rest.size() && i < 10 && std::isdigit(static_cast<unsigned char>(rest[i])))
        value = value * 10 + (rest[i++] - '0');
    if (i == 0 || i >= rest.size() || rest[i] != '-' || value <= 0 || value > 0x7fffffff) return false;
    rest.remove_prefix(i + 1);
    if (rest.size() < 6) return false;
    for (size_t k = 0; k < 6; ++k)
        if (!std::isalnum(static_cast<unsigned char>(rest[k]))) return false;
    rest.remove_prefix(6);
    if (!rest.empty() && rest != ".aux.xml") return false;
    pid = pid_t(value);
    return true;
}

}  // namespace

std::string writeFailure(int err) {
    if (err == ENOSPC) return "no space left on device (the disk is full)";
    if (err == EDQUOT) return "disk quota exceeded";
    if (err == EPIPE) return "the reading end was closed";
    std::string s = std::strerror(err);
    if (!s.empty()) s[0] = char(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

size_t removeStaleTemporaries(const std::string& resolved) {
    const fs::path target(resolved);
    const std::string prefix = target.filename().string() + ".tmp-";
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    DIR* d = opendir(dir.c_str());
    if (!d) return 0;
    std::vector<std::string> stale;
    while (const dirent* e = readdir(d)) {
        const std::string_view name(e->d_name);
        pid_t pid = 0;
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        if (!isTemporarySuffix(name.substr(prefix.size()), pid) || pid == getpid()) continue;
        if (kill(pid, 0) == -1 && errno == ESRCH) stale.emplace_back(name);
    }
    closedir(d);
    size_t removed = 0;
    for (const auto& name : stale) {
        const std::string p = (dir / name).string();
        struct stat st;
        if (lstat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && unlink(p.c_str()) == 0) ++removed;
    }
    return removed;
}

Result<OutputTarget> resolveOutput(const std::string& path, bool force) {
    if (path.empty()) return optionError("no output file given");
    OutputTarget t;
    t.path = path;
    if (path == "-") {
        t.kind = OutputKind::Stdout;
        return t;
    }
    const char* kinds = "; borderlens writes to a file, a FIFO, a character device or - (standard output)";
    // What is there, through every link (the kernel's view: /dev/stdout and
    // other /proc magic links included).
    struct stat st;
    if (stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return optionError("output " + path + " is a directory");
        if (S_ISSOCK(st.st_mode)) return optionError("output " + path + " is a socket" + kinds);
        if (S_ISBLK(st.st_mode)) return optionError("output " + path + " is a block device" + kinds);
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
            if (access(path.c_str(), W_OK) != 0)
                return optionError("cannot write " + path + ": " + writeFailure(errno));
            t.resolved = path;  // opened by this name: the kernel follows the links
            t.kind = OutputKind::Stream;
            return t;
        }
    } else if (errno != ENOENT) {
        return optionError("cannot write " + path + ": " + writeFailure(errno));
    }
    // A regular file, or nothing yet (perhaps behind a dangling link): the
    // file is made or replaced where the links end.
    auto resolved = followLinks(path);
    if (!resolved) return resolved.error();
    t.resolved = *resolved;
    const std::string name = t.resolved == path ? path : path + " (a link to " + t.resolved + ")";
    if (lstat(t.resolved.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) return optionError("cannot write " + name + ": it is not a regular file" + kinds);
        if (!force) return optionError("output " + name + " already exists; pass --force to overwrite it");
        t.exists = true;
    } else if (errno != ENOENT) {
        return optionError("cannot write " + name + ": " + writeFailure(errno));
    }
    fs::path dir = fs::path(t.resolved).parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return optionError("cannot write " + name + ": directory " + dir.string() + " does not exist");
    if (access(dir.c_str(), W_OK) != 0)
        return optionError("cannot write " + name + ": directory " + dir.string() + " is not writable");
    return t;
}

Result<Unit> checkWritable(const std::string& path, bool force) {
    auto t = resolveOutput(path, force);
    if (!t) return t.error();
    return Unit{};
}

// ---- OutputFile ----------------------------------------------------------

Result<OutputFile> OutputFile::open(const OutputTarget& target) {
    OutputFile f;
    f.m_target = target;
    switch (target.kind) {
        case OutputKind::Stdout:
            std::fflush(stdout);  // what stdio holds goes first
            f.m_fd = STDOUT_FILENO;
            return f;
        case OutputKind::Stream:
            // Blocks until a FIFO has a reader, as a shell redirection does.
            do f.m_fd = ::open(target.resolved.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
            while (f.m_fd < 0 && errno == EINTR);
            if (f.m_fd < 0) return makeError("cannot write " + target.path + ": " + writeFailure(errno));
            return f;
        case OutputKind::File:
            break;
    }
    removeStaleTemporaries(target.resolved);
    f.m_tmp = target.resolved + ".tmp-" + std::to_string(getpid()) + "-XXXXXX";
    f.m_fd = mkostemp(f.m_tmp.data(), O_CLOEXEC);
    if (f.m_fd < 0) {
        const int err = errno;
        f.m_tmp.clear();
        return makeError("cannot write " + target.path + ": " + writeFailure(err));
    }
    f.m_slot = registerTemporary(f.m_tmp);
    return f;
}

OutputFile::OutputFile(OutputFile&& o) noexcept
    : m_target(std::move(o.m_target)), m_tmp(std::move(o.m_tmp)), m_fd(o.m_fd), m_slot(o.m_slot), m_bytes(o.m_bytes) {
    o.m_tmp.clear();
    o.m_fd = -1;
    o.m_slot = -1;
}

OutputFile& OutputFile::operator=(OutputFile&& o) noexcept {
    if (this != &o) {
        discard();
        m_target = std::move(o.m_target);
        m_tmp = std::move(o.m_tmp);
        m_fd = o.m_fd;
        m_slot = o.m_slot;
        m_bytes = o.m_bytes;
        o.m_tmp.clear();
        o.m_fd = -1;
        o.m_slot = -1;
    }
    return *this;
}

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
    if (m_fd >= 0 && m_target.kind != OutputKind::Stdout) close(m_fd);
    m_fd = -1;
    if (!m_tmp.empty()) unlink(m_tmp.c_str());
    m_tmp.clear();
    unregisterTemporary(m_slot);
    m_slot = -1;
}

Result<Unit> OutputFile::write(std::string_view bytes) {
    if (m_fd < 0) return makeError("cannot write " + shown(m_target) + ": it is already closed");
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return makeError("cannot write " + shown(m_target) + ": " + writeFailure(errno));
        }
        bytes.remove_prefix(size_t(n));
        m_bytes += size_t(n);
    }
    return Unit{};
}

Result<Unit> OutputFile::commit() {
    if (m_fd < 0) return makeError("cannot write " + shown(m_target) + ": it is already closed");
    const std::string name = shown(m_target);
    if (m_target.kind == OutputKind::Stdout) {
        m_fd = -1;
        return Unit{};
    }
    if (m_target.kind == OutputKind::Stream) {
        const int rc = close(m_fd);
        m_fd = -1;
        if (rc != 0 && errno != EINTR) return makeError("cannot write " + name + ": " + writeFailure(errno));
        return Unit{};
    }
    fchmod(m_fd, 0644);  // mkstemp makes 0600
    const bool synced = fsync(m_fd) == 0;
    int err = errno;
    const bool closed = close(m_fd) == 0;
    if (synced && !closed) err = errno;
    m_fd = -1;
    if (synced && closed && std::rename(m_tmp.c_str(), m_target.resolved.c_str()) == 0) {
        m_tmp.clear();
        unregisterTemporary(m_slot);
        m_slot = -1;
        return Unit{};
    }
    if (synced && closed) err = errno;
    discard();
    return makeError("cannot write " + name + ": " + writeFailure(err));
}

// ---- TemporaryFile -------------------------------------------------------

TemporaryFile::TemporaryFile(std::string path) : m_path(std::move(path)), m_slot(registerTemporary(m_path)) {}

TemporaryFile::TemporaryFile(TemporaryFile&& o) noexcept : m_path(std::move(o.m_path)), m_slot(o.m_slot) {
    o.m_path.clear();
    o.m_slot = -1;
}

TemporaryFile::~TemporaryFile() {
    if (!m_path.empty()) unlink(m_path.c_str());
    unregisterTemporary(m_slot);
}

void TemporaryFile::release() {
    unregisterTemporary(m_slot);
    m_slot = -1;
    m_path.clear();
}

// ---- whole files ---------------------------------------------------------

namespace {

Result<Unit> writeParts(OutputFile& out, std::initializer_list<std::string_view> parts) {
    for (std::string_view content : parts)
        if (auto w = out.write(content); !w) return w;
    return out.commit();
}

}  // namespace

Result<Unit> writeFileAtomically(const std::string& path, std::string_view content, bool force) {
    return writeFileAtomically(path, {content}, force);
}

Result<Unit> writeFileAtomically(const std::string& path, std::initializer_list<std::string_view> parts, bool force) {
    auto target = resolveOutput(path, force);
    if (!target) return target.error();
    auto out = OutputFile::open(*target);
    if (!out) return out.error();
    return writeParts(*out, parts);
}

Result<Unit> replaceOwnFile(const std::string& path, std::initializer_list<std::string_view> parts) {
    OutputTarget t;
    t.path = t.resolved = path;
    t.kind = OutputKind::File;
    auto out = OutputFile::open(t);
    if (!out) return out.error();
    return writeParts(*out, parts);
}

}  // namespace bl::io
