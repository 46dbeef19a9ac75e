#include "io/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace bl::io {

namespace fs = std::filesystem;

Result<Unit> checkWritable(const std::string& path, bool force) {
    std::error_code ec;
    if (path.empty()) return makeError("no output file given");
    if (fs::is_directory(path, ec)) return makeError("output " + path + " is a directory");
    if (fs::exists(path, ec) && !force)
        return makeError("output " + path + " already exists; pass --force to overwrite it");
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec)) return makeError("cannot write " + path + ": directory " + dir.string() + " does not exist");
    if (access(dir.c_str(), W_OK) != 0) return makeError("cannot write " + path + ": directory " + dir.string() + " is not writable");
    return Unit{};
}

Result<Unit> writeFileAtomically(const std::string& path, std::string_view content, bool force) {
    return writeFileAtomically(path, {content}, force);
}

Result<Unit> writeFileAtomically(const std::string& path, std::initializer_list<std::string_view> parts, bool force) {
    if (auto ok = checkWritable(path, force); !ok) return ok.error();
    std::string tmp = path + ".tmp-XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) return makeError("cannot write " + path + ": " + std::strerror(errno));
    for (std::string_view content : parts) {
        size_t off = 0;
        while (off < content.size()) {
            const ssize_t n = write(fd, content.data() + off, content.size() - off);
            if (n < 0) {
                const std::string why = std::strerror(errno);
                close(fd);
                unlink(tmp.c_str());
                return makeError("cannot write " + path + ": " + why);
            }
            off += size_t(n);
        }
    }
    fchmod(fd, 0644);  // mkstemp makes 0600
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(tmp.c_str());
        return makeError("cannot write " + path + ": " + std::strerror(errno));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        unlink(tmp.c_str());
        return makeError("cannot write " + path + ": " + why);
    }
    return Unit{};
}

}  // namespace bl::io
