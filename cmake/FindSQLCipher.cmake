# Finds SQLCipher >= the requested version and creates the imported target SQLCipher::SQLCipher.
# The target carries SQLITE_HAS_CODEC (pkg-config does not) so that sqlite3_key is declared.
# Order: a SQLCipher built into ${PROJECT_SOURCE_DIR}/.deps/sqlcipher by scripts/setup.sh
# (fallback when backports are unreachable), then the system's pkg-config module.
find_package(PkgConfig QUIET)

set(_cb_local "${PROJECT_SOURCE_DIR}/.deps/sqlcipher/install")
if(EXISTS "${_cb_local}/lib/pkgconfig/sqlcipher.pc")
  set(ENV{PKG_CONFIG_PATH} "${_cb_local}/lib/pkgconfig:$ENV{PKG_CONFIG_PATH}")
endif()
if(PkgConfig_FOUND)
  pkg_check_modules(PC_SQLCIPHER QUIET sqlcipher)
endif()

find_path(SQLCipher_INCLUDE_DIR NAMES sqlite3.h
  HINTS ${PC_SQLCIPHER_INCLUDE_DIRS} PATH_SUFFIXES sqlcipher NO_DEFAULT_PATH)
find_path(SQLCipher_INCLUDE_DIR NAMES sqlite3.h PATH_SUFFIXES sqlcipher)
find_library(SQLCipher_LIBRARY NAMES sqlcipher HINTS ${PC_SQLCIPHER_LIBRARY_DIRS})

# The SQLCipher version lives in sqlite3.h's neighbour crypto.h only in the sources; the
# installed headers carry the bundled SQLite version, and 4.5.0 bundles SQLite 3.39.
if(SQLCipher_INCLUDE_DIR AND EXISTS "${SQLCipher_INCLUDE_DIR}/sqlite3.h")
  file(STRINGS "${SQLCipher_INCLUDE_DIR}/sqlite3.h" _cb_ver REGEX "^#define SQLITE_VERSION +\"")
  string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" SQLCipher_SQLITE_VERSION "${_cb_ver}")
endif()

include(FindPackageHandleStandardArgs)
set(_cb_min_sqlite 3.39.0)
if(SQLCipher_SQLITE_VERSION AND SQLCipher_SQLITE_VERSION VERSION_LESS _cb_min_sqlite)
  message(FATAL_ERROR "SQLCipher at ${SQLCipher_INCLUDE_DIR} bundles SQLite ${SQLCipher_SQLITE_VERSION}: "
                      "that is SQLCipher 3.x. CaseBoard needs SQLCipher >= 4.5; run scripts/setup.sh.")
endif()
find_package_handle_standard_args(SQLCipher
  REQUIRED_VARS SQLCipher_LIBRARY SQLCipher_INCLUDE_DIR
  )

if(SQLCipher_FOUND AND NOT TARGET SQLCipher::SQLCipher)
  add_library(SQLCipher::SQLCipher UNKNOWN IMPORTED)
  set_target_properties(SQLCipher::SQLCipher PROPERTIES
    IMPORTED_LOCATION "${SQLCipher_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SQLCipher_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS "SQLITE_HAS_CODEC;SQLCIPHER_CRYPTO_OPENSSL")
  message(STATUS "CaseBoard links SQLCipher: ${SQLCipher_LIBRARY} (bundled SQLite ${SQLCipher_SQLITE_VERSION})")
endif()
mark_as_advanced(SQLCipher_INCLUDE_DIR SQLCipher_LIBRARY)
