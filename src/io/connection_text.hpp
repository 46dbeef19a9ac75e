#pragma once
// Text of database connections: telling a PostgreSQL connection string from
// a file path, and hiding the passwords in it (and in any message quoting
// it) before it is shown, logged or written into a cache key.
#include <string>
#include <string_view>

namespace bl::io {

// True for what GDAL 3.6 opens through its PostgreSQL driver: "PG:..." and
// "PGB:..." (prefix in any case) and "postgresql://..." (libpq URI, lower
// case). Such a source is no file: it is never joined to the data root,
// checked on disk or kept in the prepared-data store.
bool isPostgresSource(std::string_view source);

// `text` with every password replaced by "***", everything else byte for
// byte as it was. `text` may be a connection string or any longer message
// quoting one. Hidden:
//  - libpq keyword values: a key that is or ends in "password" (any case:
//    password, sslpassword, PGPASSWORD), optional spaces, '=', optional
//    spaces, then the value, unquoted (up to white space; a backslash
//    escapes the next character) or single-quoted ('a \' b', the quotes
//    kept); in a URI query (after '?' or '&') the value ends at '&' or '#'.
//    An unterminated quoted value is hidden to the end of the text.
//  - URI user info: "postgresql://user:secret@host/db" and "postgres://"
//    (any case, anywhere: also after "PG:"): what lies between the first ':'
//    after the scheme and the last '@' before white space, '?' or '#'.
std::string maskSecrets(std::string_view text);

}  // namespace bl::io
