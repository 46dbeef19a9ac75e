#pragma once
// A private PostgreSQL 15 + PostGIS server for one test case: a fresh
// cluster in a temporary directory, listening on its own unix socket
// directory and on a free TCP port of 127.0.0.1, with a database that has
// PostGIS. Started by the constructor (about a second), stopped and removed
// by the destructor.
//
//   BL_START_PG(pg);   // a PgServer named pg: skipped when not installed, required running
//
// Roles: superuser() connects over the socket without a password (trust);
// user() is a login role with password() that may read every table the
// superuser creates, and must give its password over TCP (scram-sha-256).
//
// initdb and postgres refuse to run as root: as root, they run as the
// `postgres` system user (runuser) in a directory handed to it. A watchdog
// process stops the server and removes the directory if the test process
// dies without running the destructor (a crash, SIGKILL from a timeout).
//
// Client tools (psql, ogr2ogr) run with the libpq environment variables
// (PGSERVICE, PGPASSFILE, PGHOST, ...) removed, so a test may set them for
// the code under test without redirecting the harness.
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "skip.hpp"

namespace bl::test {

class PgServer {
public:
    static constexpr const char* kBinDir = "/usr/lib/postgresql/15/bin";
    static constexpr const char* kPostgisControl = "/usr/share/postgresql/15/extension/postgis.control";

    PgServer() {
        m_skip = missing();
        if (m_skip.empty())
            start();
        else if (required())
            m_error = m_skip + " (CI=true: scripts/setup installs it, so the test fails instead of skipping)";
    }
    ~PgServer() { stop(); }
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // The binaries, PostGIS and the tools are installed (else the test is
    // skipped, with skipReason()). Under CI=true they must be: then this is
    // always true, and running() false with error() saying what is missing.
    bool available() const { return m_skip.empty() || required(); }
    const std::string& skipReason() const { return m_skip; }
    // Started, with the database and its PostGIS; else error() says why.
    bool running() const { return m_running; }
    const std::string& error() const { return m_error; }

    int port() const { return m_port; }
    std::string socketDir() const { return (m_dir / "sock").string(); }
    static std::string database() { return "bl_test"; }
    static std::string superuser() { return "bl_admin"; }
    static std::string user() { return "bl_reader"; }
    // Has a space and a single quote: quoting is exercised wherever it goes.
    static std::string password() { return "bl s3cret'pw"; }

    // GDAL connection string over the unix socket, as the superuser, no
    // password: "PG:host=DIR port=N dbname=bl_test user=bl_admin".
    std::string connection() const {
        return "PG:host=" + socketDir() + " port=" + std::to_string(m_port) + " dbname=" + database() +
               " user=" + superuser();
    }
    // GDAL connection string over TCP (127.0.0.1) as user(), with its
    // password (quoted as libpq wants) or without one.
    std::string tcpConnection(bool withPassword) const {
        std::string s =
            "PG:host=127.0.0.1 port=" + std::to_string(m_port) + " dbname=" + database() + " user=" + user();
        if (withPassword) {
            s += " password='";
            for (char c : password()) s += (c == '\'' || c == '\\') ? std::string("\\") + c : std::string(1, c);
            s += "'";
        }
        return s;
    }

    // Runs SQL in the test database as the superuser (psql, stopping at the
    // first error); psql's output (unaligned, tuples only), or an error with
    // what it said.
    Result<std::string> sql(const std::string& statements) const {
        if (!m_running) return makeError("the PostgreSQL test server is not running: " + m_error);
        return sqlIn(database(), statements);
    }

    // Copies a layer of a GDAL-readable file into a new table (ogr2ogr:
    // field names kept as they are, polygons promoted to multipolygons),
    // readable by user().
    Result<std::monostate> importLayer(const std::string& file, const std::string& table,
                                       const std::string& sourceLayer = {}) const {
        if (!m_running) return makeError("the PostgreSQL test server is not running: " + m_error);
        auto r = run(clientEnv() + "ogr2ogr -f PostgreSQL " + quote(connection()) + " " + quote(file) + " " +
                     (sourceLayer.empty() ? "" : quote(sourceLayer) + " ") + "-nln " + quote(table) +
                     " -nlt PROMOTE_TO_MULTI -lco LAUNDER=NO -lco PRECISION=NO -lco GEOMETRY_NAME=geom");
        if (!r) return r.error();
        return std::monostate{};
    }

private:
    static std::string quote(const std::string& s) {
        std::string q = "'";
        for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    }
    static std::string clientEnv() {
        return "env -u PGSERVICE -u PGSERVICEFILE -u PGPASSFILE -u PGPASSWORD -u PGHOST -u PGHOSTADDR -u PGPORT "
               "-u PGUSER -u PGDATABASE -u PGOPTIONS -u PGSYSCONFDIR -u PGDATA ";
    }
    static bool asRoot() { return ::geteuid() == 0; }
    static bool required() {
        const char* ci = std::getenv("CI");
        return ci && std::string(ci) == "true";
    }
    // A server command, as the postgres system user when we are root.
    std::string serverCommand(const std::string& tool) const {
        return (asRoot() ? "runuser -u postgres -- " : "") + clientEnv() + kBinDir + std::string("/") + tool + " ";
    }

    static std::string missing() {
        namespace fs = std::filesystem;
        std::error_code ec;
        for (const char* tool : {"initdb", "pg_ctl", "postgres"})
            if (!fs::exists(fs::path(kBinDir) / tool, ec))
                return std::string("no PostgreSQL 15 server (") + kBinDir + "/" + tool +
                       "; apt-get install postgresql-15)";
        if (!fs::exists(kPostgisControl, ec))
            return "no PostGIS for PostgreSQL 15 (apt-get install postgresql-15-postgis-3)";
        if (std::system("command -v psql >/dev/null 2>&1") != 0)
            return "no psql (apt-get install postgresql-client-15)";
        if (std::system("command -v ogr2ogr >/dev/null 2>&1") != 0) return "no ogr2ogr (apt-get install gdal-bin)";
        if (asRoot() && (!::getpwnam("postgres") || std::system("command -v runuser >/dev/null 2>&1") != 0))
            return "running as root with no postgres system user (or no runuser) to run the server as";
        return {};
    }

    // Runs a shell command; its standard output, or an error with the
    // command's standard error.
    Result<std::string> run(const std::string& command) const {
        const std::string out = (m_dir / "out").string(), err = (m_dir / "err").string();
        const int status = std::system((command + " >" + quote(out) + " 2>" + quote(err) + " </dev/null").c_str());
        auto slurp = [](const std::string& p) {
            std::ifstream in(p, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            return s.str();
        };
        if (status != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return makeError(command + " failed: " + slurp(err) + slurp(out));
        return slurp(out);
    }

    // A port of 127.0.0.1 nobody listens on now (another process may take
    // it before the server does: start() then tries another).
    static int freePort() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) return 0;
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port = ntohs(a.sin_port);
        ::close(fd);
        return port;
    }

    void start() {
        namespace fs = std::filesystem;
        char tmpl[] = "/tmp/borderlens-pg-XXXXXX";
        if (!::mkdtemp(tmpl)) {
            m_error = "cannot make a temporary directory";
            return;
        }
        m_dir = tmpl;
        std::error_code ec;
        fs::create_directory(m_dir / "sock", ec);
        std::ofstream(m_dir / "pwfile") << "admin-pw\n";
        if (asRoot()) {
            const passwd* pg = ::getpwnam("postgres");
            for (const fs::path& p : {m_dir, m_dir / "sock", m_dir / "pwfile"})
                if (::chown(p.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
                    m_error = "cannot hand " + p.string() + " to the postgres user";
                    return;
                }
        }
        startWatchdog();
        const std::string data = quote((m_dir / "data").string());
        auto init = run(serverCommand("initdb") + "-D " + data + " -U " + superuser() +
                        " --pwfile=" + quote((m_dir / "pwfile").string()) +
                        " -A trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync --no-instructions");
        if (!init) {
            m_error = init.error().message;
            return;
        }
        std::ofstream conf(m_dir / "data" / "postgresql.conf", std::ios::app);
        conf << "listen_addresses = '127.0.0.1'\nunix_socket_directories = '" << socketDir() << "'\n"
             << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nautovacuum = off\n"
             << "shared_buffers = 16MB\nmax_connections = 20\nlogging_collector = off\nlog_min_messages = warning\n";
        conf.close();
        const std::string log = quote((m_dir / "data" / "server.log").string());
        for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
            m_port = freePort();
            auto started = run(serverCommand("pg_ctl") + "start -w -t 60 -s -D " + data + " -l " + log + " -o '-p " +
                               std::to_string(m_port) + "'");
            m_running = started.ok();
            if (!started) m_error = started.error().message + tail((m_dir / "data" / "server.log").string());
        }
        if (!m_running) return;
        auto made = sqlIn("postgres", "CREATE DATABASE " + database() + ";");
        if (made)
            made = sqlIn(database(), "CREATE EXTENSION postgis;\nCREATE ROLE " + user() + " LOGIN PASSWORD '" +
                                         escapedPassword() +
                                         "';\nALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT "
                                         "SELECT ON TABLES TO " +
                                         user() + ";\n");
        if (made) {
            m_error.clear();
        } else {
            m_error = made.error().message;
            m_running = false;  // the destructor stops the server all the same
        }
    }

    Result<std::string> sqlIn(const std::string& db, const std::string& statements) const {
        const std::string file = (m_dir / ("sql-" + std::to_string(++m_files) + ".sql")).string();
        std::ofstream(file) << statements;
        return run(clientEnv() + "psql -X -q -A -t -v ON_ERROR_STOP=1 -h " + quote(socketDir()) + " -p " +
                   std::to_string(m_port) + " -U " + superuser() + " -d " + db + " -f " + quote(file));
    }

    static std::string escapedPassword() {
        std::string s;
        for (char c : password()) s += c == '\'' ? std::string("''") : std::string(1, c);
        return s;
    }

    static std::string tail(const std::string& path) {
        std::ifstream in(path);
        std::ostringstream s;
        s << in.rdbuf();
        const std::string all = s.str();
        return all.empty() ? std::string() : "; server log: " + all.substr(all.size() > 2000 ? all.size() - 2000 : 0);
    }

    // The stop command and the removal, as one shell line (used by the
    // destructor and by the watchdog).
    std::string stopCommand() const {
        return serverCommand("pg_ctl") + "stop -s -m immediate -w -t 30 -D " + quote((m_dir / "data").string()) +
               " >/dev/null 2>&1; rm -rf " + quote(m_dir.string());
    }

    // A detached shell that waits for this process to end and then stops the
    // server and removes the directory, should the destructor never run.
    void startWatchdog() {
        const std::string script =
            "while kill -0 " + std::to_string(::getpid()) + " 2>/dev/null; do sleep 1; done; " + stopCommand();
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
        const char* argv[] = {"/bin/sh", "-c", script.c_str(), nullptr};
        if (posix_spawn(&m_watchdog, "/bin/sh", &files, &attr, const_cast<char* const*>(argv), environ) != 0)
            m_watchdog = 0;
        posix_spawn_file_actions_destroy(&files);
        posix_spawnattr_destroy(&attr);
    }

    void stop() {
        if (m_watchdog > 0) {  // ours: it would otherwise outlive us and stop the server itself
            ::kill(m_watchdog, SIGKILL);
            ::waitpid(m_watchdog, nullptr, 0);
            m_watchdog = 0;
        }
        if (m_dir.empty()) return;
        // Always: a failed start may have left a server behind.
        (void)std::system(stopCommand().c_str());
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
        m_running = false;
    }

    std::string m_skip;
    std::string m_error;
    std::filesystem::path m_dir;
    int m_port = 0;
    bool m_running = false;
    pid_t m_watchdog = 0;
    mutable int m_files = 0;
};

}  // namespace bl::test

// In a test case: a PgServer named `name`, running (the case is skipped
// when PostgreSQL or PostGIS is not installed, except under CI=true).
#define BL_START_PG(name)                                \
    ::bl::test::PgServer name;                           \
    if (!name.available()) BL_SKIP(name.skipReason());   \
    INFO(name.error());                                  \
    REQUIRE(name.running())
