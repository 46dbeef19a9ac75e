#include "io/gdal_messages.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <mutex>

#include "io/connection_text.hpp"

namespace bl::io {

namespace {

constexpr size_t kRecentMax = 256;

thread_local GdalMessages* tl_innermost = nullptr;

std::mutex g_recentMutex;
std::deque<std::string> g_recent;

void remember(const std::string& line) {
    std::lock_guard lock(g_recentMutex);
    g_recent.push_back(line);
    while (g_recent.size() > kRecentMax) g_recent.pop_front();
}

}  // namespace

struct GdalMessagesAccess {
    static void hear(GdalMessages& m, bool failure, const std::string& text) { m.hear(failure, text); }
    static GdalMessages* outer(const GdalMessages& m) { return m.m_outer; }
};

namespace {

void CPL_STDCALL handler(CPLErr type, CPLErrorNum, const char* message) {
    std::string text = maskSecrets(message ? message : "");  // libpq and GDAL may quote a connection string
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (type == CE_Debug) {  // only produced when CPL_DEBUG asks for it
        std::fprintf(stderr, "GDAL: %s\n", text.c_str());
        return;
    }
    if (type == CE_None || text.empty()) return;
    const bool failure = type == CE_Failure || type == CE_Fatal;
    remember(std::string(failure ? "error: " : "warning: ") + text);
    for (GdalMessages* m = tl_innermost; m; m = GdalMessagesAccess::outer(*m))
        GdalMessagesAccess::hear(*m, failure, text);
}

}  // namespace

void initGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(handler);  // before the drivers: registering may already speak
        GDALAllRegister();
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");  // no cap on large features
    });
}

GdalMessages::GdalMessages() : m_outer(tl_innermost) { tl_innermost = this; }

GdalMessages::~GdalMessages() { tl_innermost = m_outer; }

void GdalMessages::hear(bool failure, const std::string& text) {
    std::vector<std::string>& list = failure ? m_errors : m_warnings;
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
}

std::string GdalMessages::detail() const {
    if (m_errors.empty()) return {};
    std::string s;
    for (const auto& e : m_errors) s += (s.empty() ? "" : "; ") + e;
    return " (GDAL: " + s + ")";
}

std::vector<std::string> recentGdalMessages() {
    std::lock_guard lock(g_recentMutex);
    return {g_recent.begin(), g_recent.end()};
}

}  // namespace bl::io
