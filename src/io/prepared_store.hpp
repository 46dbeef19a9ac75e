#pragma once
// The prepared-data store: what loading and preparing a layer produced
// (projected, validated units with their names; simplified outlines, fill
// triangles and label anchors per level of detail), kept in compact binary
// files under $XDG_CACHE_HOME/borderlens/prepared so the next start reads
// them back without parsing or computing.
//
// An entry is one file: a header (magic, format version, payload size,
// XXH3 checksum of key and payload), the key text, the payload. The key
// says what the payload was made from (the source file's identity: path,
// size, modification time and XXH3 of its bytes; the catalog entry; the
// working CRS; the store format), so a changed input is a miss. A stale,
// truncated, corrupted or tampered entry is reported as such and rebuilt by
// the caller, never trusted. Writes go to a temporary name renamed into
// place: two processes writing at once leave one good entry.
//
// Thread-safety: const methods may be called from several threads.
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"

namespace bl::io {

// Bumped whenever an encoding in the store changes.
inline constexpr uint32_t kStoreFormat = 1;
// Bumped whenever the loader makes different units from the same source
// (2: projected sources transformed, repeated ids told apart).
inline constexpr uint32_t kLoaderRevision = 2;

// $XDG_CACHE_HOME/borderlens, else ~/.cache/borderlens (also the adjacency
// cache's home).
std::string defaultCacheDir();

// XXH3 (64 bits) of bytes, as 16 hex digits.
std::string contentHash(std::string_view bytes);

class PreparedStore;

// What a layer is made from: its file (absolute path, size, modification
// time, content hash), its catalog entry and the working CRS. Errors name
// the file when it cannot be read. Hashing reads the whole file; with a
// store, the hash of a file whose path, size, modification and change times
// and inode are unchanged is read back from it instead (as git's index does).
// A PostgreSQL source (io/connection_text.hpp) has none before it is read:
// an error.
Result<std::string> layerIdentity(const LayerSpec& spec, const std::string& dataRoot,
                                  const PreparedStore* store = nullptr);

class PreparedStore {
public:
    // dir empty: defaultCacheDir()/prepared.
    explicit PreparedStore(std::string dir = {});
    const std::string& dir() const { return m_dir; }

    enum class Miss { None, Absent, Stale, Damaged };
    struct Lookup {
        std::optional<std::string> payload;  // set on a hit
        Miss miss = Miss::Absent;
        std::string why;  // for Stale and Damaged: one line naming the file and the problem
    };
    Lookup read(const std::string& name, const std::string& key) const;
    // Best effort: false when the entry could not be written (the caller
    // goes on without it).
    bool write(const std::string& name, const std::string& key, std::string_view payload) const;

    struct Entry {
        std::string name;
        uint64_t bytes = 0;
        bool intact = false;  // header, size and checksum hold
        std::string what;     // first line of the key (what it was made from)
    };
    std::vector<Entry> entries() const;
    // Removes every entry (and stray temporary files); returns how many files.
    size_t clear() const;

private:
    std::string m_dir;
};

// A file name for an entry of `layerId`: the id, a short hash of where the
// layer comes from (two catalogs with the same id do not evict each other)
// and `kind`.
std::string entryName(const LayerSpec& spec, const std::string& dataRoot, const std::string& kind);

// A layer's units (names, parents, geometry, bounds) and load report, to the
// store and back. The spec is the caller's (from its catalog).
std::string encodeLayer(const Layer& layer);
std::optional<Layer> decodeLayer(std::string_view payload, const LayerSpec& spec);

// Loads a layer through the store: a hit is decoded; a miss is read through
// GDAL (io/layer_loader.hpp) and stored. `notice` receives one line when an
// entry existed but was stale or damaged. store null: straight from GDAL.
// The layer's `preparedKey` is set either way (empty when the source cannot
// be identified). A PostgreSQL source is read through GDAL every time and
// never stored; its `preparedKey` names the connection string with the
// password hidden and the hash of the units read, so what is derived from
// the layer (map geometry, adjacency) is still kept, and only reused while
// the table's contents stay the same.
Result<Layer> loadLayerPrepared(const LayerSpec& spec, const std::string& dataRoot, const PreparedStore* store,
                                std::string* notice = nullptr, std::stop_token stop = {});

}  // namespace bl::io
