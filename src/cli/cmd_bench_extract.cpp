// `borderlens bench extract`: precision and recall of the extractor on
// hand-labelled corpora, per link kind and per difficulty kind, the seeds
// (the shared articles and our first fixtures) printed beside the test
// corpus they must not fall behind.
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "engine/extract_score.hpp"
#include "io/gates.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

namespace {

struct BenchExtractOpts {
    std::vector<std::string> labels;
    bool verbose = false;
};

std::vector<std::string> defaultLabels() {
    const fs::path dir = fs::path(io::defaultGeodataDir()).parent_path() / "tests" / "fixtures" / "labels";
    return {(dir / "shared.json").string(), (dir / "first_fixtures.json").string(), (dir / "articles.json").string(),
            (dir / "articles_b.json").string(), (dir / "articles_c.json").string()};
}

void row(const char* what, const engine::Counts& c) {
    std::printf("  %-26s P %.2f  R %.2f  F1 %.2f   (tp %zu, fp %zu, fn %zu)\n", what, c.precision(), c.recall(), c.f1(),
                c.tp, c.fp, c.fn);
}

int runBenchExtract(Shared& shared, const BenchExtractOpts& o) {
    auto ctx = Context::open(shared.global);
    if (!ctx) return fail(ctx.error());
    for (const auto& path : o.labels.empty() ? defaultLabels() : o.labels) {
        auto labels = engine::loadLabels(path);
        if (!labels) return fail(labels.error());
        std::vector<std::string> files;
        for (const auto& a : labels->articles) files.push_back(a.file);
        auto news = ctx->news(files, false);
        if (!news) return fail(news.error());
        const engine::ExtractScore s = engine::scoreExtraction(**news, *labels);
        size_t linkCount = 0, gateCount = 0;
        for (const auto& a : labels->articles) {
            linkCount += a.links.size();
            gateCount += a.gates.size();
        }
        std::printf("%s: %zu articles, %zu labelled links, %zu labelled gates\n", fs::path(path).filename().c_str(),
                    labels->articles.size(), linkCount, gateCount);
        row("links, province level", s.links);
        for (const auto& [kind, c] : s.byKind) row(("  " + kind).c_str(), c);
        row("border gates", s.gates);
        if (s.linksByDifficulty.size() > 1 || !s.linksByDifficulty.count("seed")) {
            std::printf("  links by difficulty of the article:\n");
            for (const auto& [kind, c] : s.linksByDifficulty) row(("  " + kind).c_str(), c);
        }
        if (o.verbose)
            for (const auto& m : s.misses) std::printf("    %s\n", m.c_str());
        std::printf("\n");
    }
    return 0;
}

}  // namespace

void addBenchExtractCommand(CLI::App& bench, Shared& shared) {
    auto* cmd = bench.add_subcommand(
        "extract", "Precision and recall of the document extractor on hand-labelled articles (seeds and test corpus)");
    auto o = std::make_shared<BenchExtractOpts>();
    cmd->add_option("--labels", o->labels,
                    "Labels files (default: tests/fixtures/labels/shared.json, first_fixtures.json, articles.json, articles_b.json, articles_c.json)");
    cmd->add_flag("-v,--verbose", o->verbose, "List every missed and extra link and gate");
    cmd->callback([&shared, o] { shared.exitCode = runBenchExtract(shared, *o); });
}

}  // namespace bl::cli
