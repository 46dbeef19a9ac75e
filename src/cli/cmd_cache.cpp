// `borderlens cache info|clear`: what the prepared-data store and the
// adjacency cache hold, and emptying them.
#include <cstdio>

#include "cli/commands.hpp"
#include "io/adjacency_cache.hpp"
#include "io/prepared_store.hpp"

namespace bl::cli {

namespace {


struct Area {
    const char* what;
    io::PreparedStore store;
};

std::vector<Area> areas() {
    return {{"prepared data", io::PreparedStore()}, {"adjacency results", io::PreparedStore(io::AdjacencyCache().dir())}};
}

std::string mib(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / (1024.0 * 1024.0));
    return buf;
}

int info(bool verbose) {
    for (const auto& a : areas()) {
        uint64_t total = 0;
        size_t damaged = 0;
        const auto entries = a.store.entries();
        for (const auto& e : entries) {
            total += e.bytes;
            damaged += !e.intact;
        }
        std::printf("%s: %s\n  %zu entries, %s", a.what, a.store.dir().c_str(), entries.size(), mib(total).c_str());
        if (damaged) std::printf(", %zu not intact (rebuilt when next needed)", damaged);
        std::printf("\n");
        if (verbose)
            for (const auto& e : entries)
                std::printf("  %-52s %10s  %s%s\n", e.name.c_str(), mib(e.bytes).c_str(), e.intact ? "" : "[not intact] ",
                            e.what.c_str());
    }
    return 0;
}

int clear() {
    for (const auto& a : areas()) {
        // The adjacency results share their folder with the prepared-data
        // folder: only files, never the folder itself.
        const size_t n = a.store.clear();
        std::printf("%s: removed %zu files from %s\n", a.what, n, a.store.dir().c_str());
    }
    return 0;
}

}  // namespace

void addCacheCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand("cache", "Show or empty the prepared-data store and the adjacency cache");
    cmd->require_subcommand(1);
    auto verbose = std::make_shared<bool>(false);
    auto* infoCmd = cmd->add_subcommand("info", "Where the store is, its entries and their size");
    infoCmd->add_flag("-v,--verbose", *verbose, "One line per entry");
    infoCmd->callback([&shared, verbose] { shared.exitCode = info(*verbose); });
    cmd->add_subcommand("clear", "Remove every entry (rebuilt when next needed)")->callback([&shared] {
        shared.exitCode = clear();
    });
}

}  // namespace bl::cli
