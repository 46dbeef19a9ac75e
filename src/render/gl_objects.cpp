#include "render/gl_objects.hpp"

#include "render/shader_sources.hpp"

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
