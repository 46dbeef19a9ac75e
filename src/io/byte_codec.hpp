#pragma once
// Flat binary encoding for the prepared-data store (io/prepared_store.hpp):
// little-endian PODs, length-prefixed strings and arrays, appended to one
// byte buffer and read back with bounds checks. A reader that runs past the
// end (a truncated or damaged payload) turns `ok()` false and returns zeros
// from then on, so decoders check once at the end instead of after each read.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace bl::io {

class ByteWriter {
public:
    template <typename T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        m_bytes.append(reinterpret_cast<const char*>(&v), sizeof(T));
    }
    void u64(uint64_t v) { pod(v); }
    void str(std::string_view s) {
        u64(s.size());
        m_bytes.append(s.data(), s.size());
    }
    template <typename T>
    void array(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        u64(v.size());
        if (!v.empty()) m_bytes.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string& bytes() { return m_bytes; }

private:
    std::string m_bytes;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}

    template <typename T>
    T pod() {
        static_assert(std::is_trivially_copyable_v<T>);
        T v{};
        if (!take(sizeof(T))) return v;
        std::memcpy(&v, m_bytes.data() + m_pos - sizeof(T), sizeof(T));
        return v;
    }
    uint64_t u64() { return pod<uint64_t>(); }
    // A count of items of `itemSize` bytes that must still fit in the buffer
    // (so a damaged count cannot ask for gigabytes).
    uint64_t count(size_t itemSize) {
        const uint64_t n = u64();
        if (itemSize && n > (m_bytes.size() - m_pos) / itemSize) {
            m_ok = false;
            return 0;
        }
        return n;
    }
    std::string str() {
        const uint64_t n = count(1);
        if (!take(n)) return {};
        return std::string(m_bytes.substr(m_pos - n, n));
    }
    template <typename T>
    std::vector<T> array() {
        static_assert(std::is_trivially_copyable_v<T>);
        const uint64_t n = count(sizeof(T));
        std::vector<T> v(n);
        if (n && take(n * sizeof(T))) std::memcpy(v.data(), m_bytes.data() + m_pos - n * sizeof(T), n * sizeof(T));
        return v;
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    bool take(size_t n) {
        if (!m_ok || n > m_bytes.size() - m_pos) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }
    std::string_view m_bytes;
    size_t m_pos = 0;
    bool m_ok = true;
};

// Base64 (RFC 4648) of `bytes`, through GDAL's CPL: the fonts an SVG
// export embeds as data URLs.
std::string base64(std::string_view bytes);

}  // namespace bl::io
