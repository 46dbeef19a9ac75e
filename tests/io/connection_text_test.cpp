#include <catch2/catch.hpp>

#include "io/connection_text.hpp"

using namespace bl;
using io::isPostgresSource;
using io::maskSecrets;

TEST_CASE("PostgreSQL sources are told from file paths as GDAL tells them", "[connection]") {
    CHECK(isPostgresSource("PG:dbname=gis"));
    CHECK(isPostgresSource("pg:dbname=gis"));
    CHECK(isPostgresSource("PG: host=db dbname=gis"));
    CHECK(isPostgresSource("PG:service=borders"));
    CHECK(isPostgresSource("PG:postgresql://u@db/gis"));
    CHECK(isPostgresSource("PGB:dbname=gis"));
    CHECK(isPostgresSource("postgresql://u:p@db:5432/gis"));
    CHECK(isPostgresSource("PG:"));

    CHECK_FALSE(isPostgresSource(""));
    CHECK_FALSE(isPostgresSource("PG"));
    CHECK_FALSE(isPostgresSource("la/la_adm1_2019.geojson"));
    CHECK_FALSE(isPostgresSource("/data/PG:odd.geojson"));
    CHECK_FALSE(isPostgresSource("PGdata/x.gpkg"));
    CHECK_FALSE(isPostgresSource(" PG:dbname=gis"));         // GDAL does not trim
    CHECK_FALSE(isPostgresSource("PostgreSQL:dbname=gis"));  // not a GDAL 3.6 prefix
    CHECK_FALSE(isPostgresSource("postgres://u@db/gis"));    // libpq takes it, GDAL 3.6 does not identify it
    CHECK_FALSE(isPostgresSource("POSTGRESQL://u@db/gis"));
    CHECK_FALSE(isPostgresSource("/vsizip/pg.zip/a.shp"));
}

TEST_CASE("Keyword passwords are hidden, unquoted and quoted, in any case", "[connection]") {
    CHECK(maskSecrets("PG:host=db dbname=gis user=bl password=secret") == "PG:host=db dbname=gis user=bl password=***");
    CHECK(maskSecrets("PG:password=secret host=db") == "PG:password=*** host=db");
    CHECK(maskSecrets("PG:PASSWORD=secret host=db") == "PG:PASSWORD=*** host=db");
    CHECK(maskSecrets("PG:Password=secret") == "PG:Password=***");
    CHECK(maskSecrets("PG:host=db password = secret port=5432") == "PG:host=db password = *** port=5432");
    CHECK(maskSecrets("PG:host=db password\t=\tsecret") == "PG:host=db password\t=\t***");
    CHECK(maskSecrets("PG:dbname='gis' password='two words' host='db'") == "PG:dbname='gis' password='***' host='db'");
    CHECK(maskSecrets(R"(PG:password = 'it\'s \\ here' user=bl)") == "PG:password = '***' user=bl");
    CHECK(maskSecrets(R"(PG:password=a\ b user=bl)") == "PG:password=*** user=bl");
    CHECK(maskSecrets("PG:password=p@ss:w/rd=x; user=bl") == "PG:password=*** user=bl");
    CHECK(maskSecrets(R"(PG:"dbname='gis' password='y'")") == R"(PG:"dbname='gis' password='***'")");
    // Other keys that carry a secret.
    CHECK(maskSecrets("PG:sslpassword=keypass dbname=gis") == "PG:sslpassword=*** dbname=gis");
    CHECK(maskSecrets("PGPASSWORD=secret psql") == "PGPASSWORD=*** psql");
    // Unterminated quote: hidden to the end.
    CHECK(maskSecrets("PG:password='never closed host=db") == "PG:password='***");
    // libpq skips white space after '=', so the next word is the value.
    CHECK(maskSecrets("PG:password= secret") == "PG:password= ***");
}

TEST_CASE("Nothing else changes, byte for byte", "[connection]") {
    for (const char* same : {"", "la/la_adm1_2019.geojson", "PG:host=db dbname=gis user=bl", "PG:service=borders",
                             "password", "password:", "the password was wrong", "PG:password=", "PG:password=''",
                             "passwords=", "mypasswordfile=x", "postgresql://db/gis", "postgresql://user@db:5432/gis",
                             "postgres://db:5432/gis", "Tỉnh Quảng Trị \xff\xfe raw bytes"}) {
        INFO(same);
        CHECK(maskSecrets(same) == same);
    }
    const std::string withNul("PG:dbname=g\0x password=s", 24);
    CHECK(maskSecrets(withNul) == std::string("PG:dbname=g\0x password=***", 26));
}

TEST_CASE("Passwords in URIs are hidden, also after PG:", "[connection]") {
    CHECK(maskSecrets("postgresql://bl:secret@db/gis") == "postgresql://bl:***@db/gis");
    CHECK(maskSecrets("postgres://bl:secret@db:5432/gis") == "postgres://bl:***@db:5432/gis");
    CHECK(maskSecrets("PG:postgresql://bl:secret@db/gis") == "PG:postgresql://bl:***@db/gis");
    CHECK(maskSecrets("PG:POSTGRESQL://bl:secret@db/gis") == "PG:POSTGRESQL://bl:***@db/gis");
    CHECK(maskSecrets("postgresql://bl:s%40cr%20t@db/gis") == "postgresql://bl:***@db/gis");
    CHECK(maskSecrets("postgresql://bl:p@ss@db/gis") == "postgresql://bl:***@db/gis");   // a raw '@' in it
    CHECK(maskSecrets("postgresql://bl:pa/ss@db/gis") == "postgresql://bl:***@db/gis");  // a raw '/' in it
    CHECK(maskSecrets("postgresql://bl:secret@h1:5432,h2:5433/gis") == "postgresql://bl:***@h1:5432,h2:5433/gis");
    CHECK(maskSecrets("postgresql://bl:@db/gis") == "postgresql://bl:@db/gis");  // empty: nothing to hide
    // Passwords in the query.
    CHECK(maskSecrets("postgresql://db/gis?user=bl&password=secret") == "postgresql://db/gis?user=bl&password=***");
    CHECK(maskSecrets("postgresql://db/gis?password=secret&sslmode=require") ==
          "postgresql://db/gis?password=***&sslmode=require");
    CHECK(maskSecrets("postgresql://bl:one@db/gis?password=two") == "postgresql://bl:***@db/gis?password=***");
    // '@' in the query is no user info.
    CHECK(maskSecrets("postgresql://db/gis?application_name=a:b@c") == "postgresql://db/gis?application_name=a:b@c");
}

TEST_CASE("Passwords are hidden anywhere in a longer message", "[connection]") {
    CHECK(maskSecrets("layer la_adm1: cannot read PG:host=db password=secret dbname=gis: no such table") ==
          "layer la_adm1: cannot read PG:host=db password=*** dbname=gis: no such table");
    CHECK(maskSecrets("Unable to open datasource `PG:dbname=gis password=secret' with the following drivers.") ==
          "Unable to open datasource `PG:dbname=gis password=*** with the following drivers.");
    CHECK(maskSecrets("store a (PG:password='x y' dbname=a) and store b (postgres://u:z@h/b) differ") ==
          "store a (PG:password='***' dbname=a) and store b (postgres://u:***@h/b) differ");
    CHECK(maskSecrets("first password=one\nsecond password=two") == "first password=***\nsecond password=***");
    CHECK(maskSecrets("see postgresql://u:secret@db/gis\nor PG:password=other") ==
          "see postgresql://u:***@db/gis\nor PG:password=***");
    const std::string masked = maskSecrets("PG:host=db password=hunter2 user=bl");
    CHECK(masked.find("hunter2") == std::string::npos);
}
