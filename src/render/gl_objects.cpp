#include "render/gl_objects.hpp"

#include <dlfcn.h>
#include <link.h>

#include <cstring>

#include "render/shader_sources.hpp"

#if defined(__SANITIZE_ADDRESS__)
// Leaks inside the OpenGL drivers and their helpers are not ours to fix.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:_dri.so\nleak:libgallium\nleak:libLLVM\nleak:libGLX_mesa\nleak:libEGL_mesa\nleak:libglapi\n"
           "leak:libfontconfig\nleak:libX11\nleak:libglfw\n";
}
#endif

namespace bl::render {

void deleteBuffer(GLuint id) { glDeleteBuffers(1, &id); }
void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
void deleteProgram(GLuint id) { glDeleteProgram(id); }
void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void deleteRenderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }

Buffer makeBuffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}
VertexArray makeVertexArray() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}
Texture makeTexture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return Texture(id);
}

void keepGlDriverLoaded() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void*) {
            const char* name = info->dlpi_name;
            if (name && (std::strstr(name, "_dri.so") || std::strstr(name, "libgallium")))
                dlopen(name, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
            return 0;
        },
        nullptr);
}

namespace {

Result<GLuint> compile(GLenum type, const char* file) {
    const char* src = shaderSource(file);
    if (!src) return makeError(std::string("shader ") + file + " is not embedded in this build");
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        glDeleteShader(s);
        return makeError(std::string("shader ") + file + " does not compile: " + log);
    }
    return s;
}

}  // namespace

Result<Program> makeProgram(const char* vertexFile, const char* fragmentFile) {
    auto vs = compile(GL_VERTEX_SHADER, vertexFile);
    if (!vs) return vs.error();
    auto fs = compile(GL_FRAGMENT_SHADER, fragmentFile);
    if (!fs) {
        glDeleteShader(*vs);
        return fs.error();
    }
    Program p(glCreateProgram());
    glAttachShader(p.id(), *vs);
    glAttachShader(p.id(), *fs);
    glLinkProgram(p.id());
    glDeleteShader(*vs);
    glDeleteShader(*fs);
    GLint ok = 0;
    glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(p.id(), sizeof log, nullptr, log);
        return makeError(std::string("shaders ") + vertexFile + " + " + fragmentFile + " do not link: " + log);
    }
    return p;
}

}  // namespace bl::render
