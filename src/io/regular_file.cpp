#include "io/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace bl::io {

namespace {

// What a file that is not regular is, for "... is X, not a regular file";
// nullptr for a kind without a common name.
const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return nullptr;
}

Error notRegular(const std::string& path, const std::string& what, mode_t mode) {
    const char* kind = kindOf(mode);
    return makeError(what + " " + path + " is " + (kind ? std::string(kind) + ", not" : std::string("not")) +
                     " a regular file");
}

Error cannotRead(const std::string& path, const std::string& what, int err) {
    if (err == ENOENT || err == ENOTDIR) return makeError(what + " " + path + " does not exist");
    return makeError(what + " " + path + " cannot be read: " + std::strerror(err));
}

std::string megabytes(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / 1e6);
    return buf;
}

}  // namespace

Result<std::monostate> checkRegularFile(const std::string& path, const std::string& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return cannotRead(path, what, errno);
    if (!S_ISREG(st.st_mode)) return notRegular(path, what, st.st_mode);
    return std::monostate{};
}

Result<std::string> readRegularFile(const std::string& path, const std::string& what, uint64_t maxBytes) {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of
    // waiting for a writer; regular files ignore the flag.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return cannotRead(path, what, errno);
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return cannotRead(path, what, errno);
    if (!S_ISREG(st.st_mode)) return notRegular(path, what, st.st_mode);
    if (uint64_t(st.st_size) > maxBytes)
        return makeError(what + " " + path + " is " + megabytes(uint64_t(st.st_size)) + ", more than the " +
                         megabytes(maxBytes) + " it may be");
    std::string bytes(size_t(st.st_size), '\0');
    size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            // The file grew since fstat: read on, within the bound.
            if (bytes.size() >= maxBytes) break;
            bytes.resize(std::min<uint64_t>(maxBytes, bytes.size() + (bytes.size() / 2) + 4096));
        }
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return cannotRead(path, what, errno);
        }
        if (n == 0) break;
        got += size_t(n);
    }
    bytes.resize(got);
    return bytes;
}

}  // namespace bl::io
