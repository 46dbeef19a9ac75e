#pragma once
// Writing user-visible output files safely: never overwrite an existing file
// unless asked, never replace something that is not a regular file, and
// write a regular file under a temporary name in the same directory that is
// renamed into place, so a failure leaves nothing half-written.
//
// What an output path may name (resolveOutput):
// - "-": standard output, written into.
// - an existing FIFO or character device (a pipe, /dev/null, a terminal):
//   written into, never replaced, no --force needed (nothing is replaced);
// - a regular file, new or existing (existing: only with `force`): written
//   atomically. A symbolic link is followed to its target, which is written
//   atomically at the target's path; the link stays.
// - a directory, a socket or a block device: refused.
//
// Temporaries are named TARGET.tmp-<pid>-XXXXXX. While one exists it is
// registered with a SIGINT/SIGTERM/SIGHUP handler that unlinks every live
// temporary (async-signal-safe calls only) and re-raises the signal with the
// default action; the handler is installed only where the signal still has
// its default action. A writer killed outright (SIGKILL) leaves its temporary:
// the next write to the same target removes temporaries of that naming whose
// process no longer exists (kill(pid, 0) fails with ESRCH), never others.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace bl::io {

struct Unit {};

enum class OutputKind {
    Stdout,  // "-"
    Stream,  // an existing FIFO or character device: written into
    File,    // a regular file (new, or replaced): temporary + rename
};

struct OutputTarget {
    std::string path;      // as given; named in messages ("-" for standard output)
    std::string resolved;  // File: where the links end (made or replaced there); Stream: the path; Stdout: ""
    OutputKind kind = OutputKind::File;
    bool exists = false;  // File: something is there already (and force was given)
};

// Every error is a problem of the path given (ErrorKind::Option: the CLI
// exits 2): empty path,
// exists without force, a directory / socket / block device, a directory that
// is missing or not writable, a stream that is not writable.
Result<OutputTarget> resolveOutput(const std::string& path, bool force);

// The same checks, for commands that produce output slowly and check first.
Result<Unit> checkWritable(const std::string& path, bool force);

// "No space left on device: the disk is full" and the like, for errno `err`
// (first letter lower case, to follow "cannot write FILE: ").
std::string writeFailure(int err);

// An output being written: open, write (or hand fd() to an encoder), commit.
// Destroyed without commit: the temporary is removed (streams keep what was
// written). Move-only; one thread at a time.
class OutputFile {
public:
    static Result<OutputFile> open(const OutputTarget& target);
    OutputFile(OutputFile&& other) noexcept;
    OutputFile& operator=(OutputFile&& other) noexcept;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();

    int fd() const { return m_fd; }
    const OutputTarget& target() const { return m_target; }
    // The temporary being written ("" for standard output and streams).
    const std::string& temporaryPath() const { return m_tmp; }
    size_t bytesWritten() const { return m_bytes; }

    // Writes all of `bytes`; errors name the target and the errno reason.
    Result<Unit> write(std::string_view bytes);
    // File: fsync, mode 0644, rename onto the resolved path. Streams: nothing
    // more to do (the bytes are in). Either way the descriptor is closed
    // (standard output stays open).
    Result<Unit> commit();
    // For writers that use fd() directly: count bytes they wrote.
    void addWritten(size_t n) { m_bytes += n; }

private:
    OutputFile() = default;
    void discard();

    OutputTarget m_target;
    std::string m_tmp;
    int m_fd = -1;
    int m_slot = -1;  // temporary registry slot, -1 when none
    size_t m_bytes = 0;
};

// Registers another temporary of ours (e.g. GDAL's sidecar of a temporary
// image) to be unlinked on SIGINT/SIGTERM/SIGHUP and when destroyed, unless
// released. Move-only.
class TemporaryFile {
public:
    explicit TemporaryFile(std::string path);
    TemporaryFile(TemporaryFile&& other) noexcept;
    TemporaryFile& operator=(TemporaryFile&&) = delete;
    TemporaryFile(const TemporaryFile&) = delete;
    ~TemporaryFile();
    const std::string& path() const { return m_path; }
    void release();  // keeps the file, no longer removed on a signal

private:
    std::string m_path;
    int m_slot = -1;
};

// Removes, in the directory of `resolved`, the temporaries named
// BASENAME.tmp-<pid>-XXXXXX (optionally with a suffix such as ".aux.xml")
// whose process no longer exists; returns how many were removed.
size_t removeStaleTemporaries(const std::string& resolved);

// Writes `content` to `path` (any target resolveOutput accepts). Errors name
// the path: the checks above, then the write itself (disk full).
Result<Unit> writeFileAtomically(const std::string& path, std::string_view content, bool force);
// The same with the content in parts, written one after the other (no
// copy of large parts into one buffer).
Result<Unit> writeFileAtomically(const std::string& path, std::initializer_list<std::string_view> parts, bool force);

// For files of our own (the prepared-data store): whatever is at `path` is
// replaced by rename, without following links or writing into streams; the
// same temporaries, registry and stale clean-up.
Result<Unit> replaceOwnFile(const std::string& path, std::initializer_list<std::string_view> parts);

}  // namespace bl::io
