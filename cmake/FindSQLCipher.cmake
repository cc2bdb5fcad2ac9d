# Finds SQLCipher >= 4.5 and creates the imported target SQLCipher::SQLCipher, which carries
# SQLITE_HAS_CODEC (pkg-config does not) so that sqlite3_key is declared.
# Order: the system's SQLCipher (Debian 12 + bookworm-backports, Debian 13, Ubuntu 24.04), then a
# static SQLCipher that scripts/build-sqlcipher.sh built into .deps/sqlcipher/install when
# backports could not be reached. SQLCipher 3.x (Debian 12's main archive) is refused.
find_package(PkgConfig QUIET)
include(FindPackageHandleStandardArgs)

# Installed headers carry the bundled SQLite version; SQLCipher 4.5.0 bundles SQLite 3.39.
set(_cb_min_sqlite 3.39.0)

function(_cb_sqlite_version header out)
  file(STRINGS "${header}" _line REGEX "^#define SQLITE_VERSION +\"")
  string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" _v "${_line}")
  set(${out} "${_v}" PARENT_SCOPE)
endfunction()

set(SQLCipher_STATIC OFF)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_SQLCIPHER QUIET sqlcipher)
endif()
find_path(SQLCipher_INCLUDE_DIR NAMES sqlite3.h HINTS ${PC_SQLCIPHER_INCLUDE_DIRS} PATH_SUFFIXES sqlcipher
          NO_CMAKE_PATH NO_CMAKE_ENVIRONMENT_PATH)
find_library(SQLCipher_LIBRARY NAMES sqlcipher HINTS ${PC_SQLCIPHER_LIBRARY_DIRS})
if(SQLCipher_INCLUDE_DIR)
  _cb_sqlite_version("${SQLCipher_INCLUDE_DIR}/sqlite3.h" SQLCipher_SQLITE_VERSION)
endif()

set(_cb_local "${PROJECT_SOURCE_DIR}/.deps/sqlcipher/install")
option(CASEBOARD_SQLCIPHER_LOCAL "Use the SQLCipher built by scripts/build-sqlcipher.sh" OFF)
if((CASEBOARD_SQLCIPHER_LOCAL OR NOT SQLCipher_LIBRARY OR NOT SQLCipher_INCLUDE_DIR OR SQLCipher_SQLITE_VERSION VERSION_LESS _cb_min_sqlite)
   AND EXISTS "${_cb_local}/lib/libsqlcipher.a")
  set(SQLCipher_INCLUDE_DIR "${_cb_local}/include/sqlcipher" CACHE PATH "" FORCE)
  set(SQLCipher_LIBRARY "${_cb_local}/lib/libsqlcipher.a" CACHE FILEPATH "" FORCE)
  _cb_sqlite_version("${SQLCipher_INCLUDE_DIR}/sqlite3.h" SQLCipher_SQLITE_VERSION)
  set(SQLCipher_STATIC ON)
endif()

if(SQLCipher_SQLITE_VERSION AND SQLCipher_SQLITE_VERSION VERSION_LESS _cb_min_sqlite)
  message(FATAL_ERROR "SQLCipher at ${SQLCipher_INCLUDE_DIR} bundles SQLite ${SQLCipher_SQLITE_VERSION}: "
                      "that is SQLCipher 3.x. CaseBoard needs SQLCipher >= 4.5: run scripts/setup.sh.")
endif()
find_package_handle_standard_args(SQLCipher REQUIRED_VARS SQLCipher_LIBRARY SQLCipher_INCLUDE_DIR)

if(SQLCipher_FOUND AND NOT TARGET SQLCipher::SQLCipher)
  add_library(SQLCipher::SQLCipher UNKNOWN IMPORTED)
  set_target_properties(SQLCipher::SQLCipher PROPERTIES
    IMPORTED_LOCATION "${SQLCipher_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SQLCipher_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS "SQLITE_HAS_CODEC;SQLCIPHER_CRYPTO_OPENSSL")
  if(SQLCipher_STATIC)
    find_package(OpenSSL REQUIRED COMPONENTS Crypto)
    find_package(Threads REQUIRED)
    set_target_properties(SQLCipher::SQLCipher PROPERTIES
      INTERFACE_LINK_LIBRARIES "OpenSSL::Crypto;Threads::Threads;m")
  endif()
  message(STATUS "CaseBoard links SQLCipher: ${SQLCipher_LIBRARY} (bundled SQLite ${SQLCipher_SQLITE_VERSION}"
                 ", static: ${SQLCipher_STATIC})")
endif()
mark_as_advanced(SQLCipher_INCLUDE_DIR SQLCipher_LIBRARY)
