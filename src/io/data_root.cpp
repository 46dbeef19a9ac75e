#include "io/data_root.hpp"

#include <cstdlib>
#include <filesystem>

namespace bl::io {

namespace fs = std::filesystem;

static Result<std::string> resolve(const std::string& fromOption, const char* option, const char* envName,
                                   const char* sharedSub, const char* what) {
    std::string tried;
    auto check = [&](const std::string& p, const std::string& how) -> bool {
        std::error_code ec;
        if (fs::is_directory(p, ec)) return true;
        tried += "\n  " + p + " (" + how + ")";
        return false;
    };
    if (!fromOption.empty()) {
        if (check(fromOption, option)) return fromOption;
        return makeError(std::string(what) + " directory " + fromOption + " given with " + option + " does not exist");
    }
    if (const char* env = std::getenv(envName); env && *env) {
        if (check(env, std::string("$") + envName)) return std::string(env);
        return makeError(std::string(what) + " directory " + env + " named by $" + envName + " does not exist");
    }
    const fs::path beside = fs::path(BORDERLENS_SOURCE_DIR).parent_path() / "shared" / sharedSub;
    if (check(beside.lexically_normal().string(), "beside the checkout")) return beside.lexically_normal().string();
    const fs::path cwd = fs::current_path().parent_path() / "shared" / sharedSub;
    if (check(cwd.lexically_normal().string(), "beside the working directory")) return cwd.lexically_normal().string();
    return makeError(std::string("no ") + what + " directory found; looked in:" + tried + "\n  pass " + option +
                     " DIR or set " + envName);
}

Result<std::string> resolveDataRoot(const std::string& fromOption) {
    return resolve(fromOption, "--data-root", "BORDERLENS_DATA", "geodata", "boundary data");
}

Result<std::string> resolveDocumentsRoot(const std::string& fromOption) {
    return resolve(fromOption, "--docs", "BORDERLENS_DOCS", "documents", "documents");
}

}  // namespace bl::io
