#!/usr/bin/env bash
# Fallback when bookworm-backports cannot be reached: builds SQLCipher 4.6.1 from Debian 13's
# source package into .deps/sqlcipher/install (ignored by git, kept as a cache between builds).
# cmake/FindSQLCipher.cmake prefers that folder when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
deps="$top/.deps/sqlcipher"
install="$deps/install"
if [ -f "$install/lib/libsqlcipher.a" ] && [ -f "$install/include/sqlcipher/sqlite3.h" ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  dpkg-dev tcl libssl-dev build-essential >/dev/null

uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
[ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n1 || true)
[ -n "$uri" ] || { echo "build-sqlcipher: no Debian archive URI in the apt sources" >&2; exit 1; }

apt_dir="$deps/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$deps/src"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
apt-get "${apt_opts[@]}" update -qq
(cd "$deps/src" && apt-get "${apt_opts[@]}" source --download-only -qq sqlcipher)
[ -f "$deps/src/sqlcipher_4.6.1.orig.tar.gz" ] || { echo "build-sqlcipher: could not fetch the sqlcipher 4.6.1 source package" >&2; exit 1; }

rm -rf "$deps/build" && mkdir -p "$deps/build"
tar -xzf "$deps/src/sqlcipher_4.6.1.orig.tar.gz" -C "$deps/build" --strip-components=1
cd "$deps/build"
./configure --disable-tcl --enable-tempstore=yes \
  CFLAGS="-DSQLITE_HAS_CODEC -DSQLCIPHER_CRYPTO_OPENSSL" >/dev/null
make -s sqlite3.c >/dev/null
flags="-O2 -fPIC -DSQLITE_HAS_CODEC -DSQLCIPHER_CRYPTO_OPENSSL -DSQLITE_TEMP_STORE=3 -DSQLITE_DQS=0
       -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION"
cc $flags -c sqlite3.c -o sqlite3.o
mkdir -p "$install/lib/pkgconfig" "$install/include/sqlcipher"
ar rcs "$install/lib/libsqlcipher.a" sqlite3.o
cp sqlite3.h "$install/include/sqlcipher/"
cat > "$install/lib/pkgconfig/sqlcipher.pc" <<PC
prefix=$install
Name: SQLCipher
Description: SQLCipher 4.6.1 built by CaseBoard's setup
Version: 3.46.1
Libs: -L\${prefix}/lib -lsqlcipher -lcrypto -lpthread -lm
Cflags: -I\${prefix}/include/sqlcipher
PC
echo "build-sqlcipher: SQLCipher 4.6.1 built into $install" >&2
