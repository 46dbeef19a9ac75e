#pragma once
// What GDAL and PROJ say goes through one CPL error handler of ours,
// installed with the drivers (initGdal), so nothing of theirs is printed as
// is ("ERROR 1: ..." before our sentence). PROJ's messages reach the same
// handler: GDAL gives each thread's PROJ context a logger that turns PROJ
// errors into CPL errors (ogr_proj_p.cpp, GDAL 3.0 and later).
//
// A reader that wants the library's words for its own error opens a
// GdalMessages scope on its thread and puts them after its sentence:
// "layer x: cannot read F: the GeoJSON is truncated or malformed (GDAL: At
// line 1, character 329953: Unterminated object)". Warnings and errors are
// also kept process-wide, the most recent few hundred (recentGdalMessages),
// for a verbose listing. Debug messages exist only when GDAL's own switch
// asks for them (CPL_DEBUG=ON) and are then printed on stderr, as asked.
#include <string>
#include <vector>

namespace bl::io {

// Registers GDAL's drivers and installs the handler, once per process;
// any thread may call it, any number of times.
void initGdal();

// Collects what GDAL says on this thread while it lives. Scopes nest (each
// hears everything said inside it) and must be destroyed in reverse order of
// construction, which holding them as locals does.
class GdalMessages {
public:
    GdalMessages();
    ~GdalMessages();
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;

    // Failures, each distinct text once, in the order said.
    const std::vector<std::string>& errors() const { return m_errors; }
    const std::vector<std::string>& warnings() const { return m_warnings; }
    // " (GDAL: first; second)" for the failures, "" when there were none:
    // to follow one of our sentences.
    std::string detail() const;

private:
    friend struct GdalMessagesAccess;
    void hear(bool failure, const std::string& text);

    std::vector<std::string> m_errors;
    std::vector<std::string> m_warnings;
    GdalMessages* m_outer = nullptr;
};

// "warning: ..." / "error: ..." lines, oldest first (at most 256).
std::vector<std::string> recentGdalMessages();

}  // namespace bl::io
