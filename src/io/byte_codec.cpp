#include "io/byte_codec.hpp"

#include <cpl_string.h>

namespace bl::io {

std::string base64(std::string_view bytes) {
    char* encoded = CPLBase64Encode(int(bytes.size()), reinterpret_cast<const GByte*>(bytes.data()));
    std::string out = encoded ? encoded : "";
    CPLFree(encoded);
    return out;
}

}  // namespace bl::io
