#!/bin/sh
# meson install into a staging directory, then: every piece is there, the
# installed binary has no build-tree marker and uses the installed
# lexicons, and examples/lint-title.c builds against the installed
# pkg-config file alone.
# Usage: check-install.sh BUILD_DIR SOURCE_DIR PREFIX LIBDIR DATADIR
set -eu
build=$1 src=$2 prefix=$3 libdir=$4 datadir=$5
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet
root=$dest$prefix
case $libdir in /*) lib=$dest$libdir ;; *) lib=$root/$libdir ;; esac
case $datadir in /*) share=$dest$datadir ;; *) share=$root/$datadir ;; esac

for f in "$root/bin/titlelint" "$lib/libtitlelint.so" "$lib/libtitlelint.a" \
         "$root/include/titlelint/titlelint.h" "$lib/pkgconfig/titlelint.pc" \
         "$share/titlelint/lexicons/markers.tsv" "$share/man/man1/titlelint.1" \
         "$share/man/man5/titlelint-lexicon.5"; do
    [ -e "$f" ] || { echo "not installed: $f"; exit 1; }
done
[ ! -e "$root/bin/titlelint-builddir.txt" ] || { echo "build-tree marker installed"; exit 1; }

# The installed binary finds the installed lexicons through the library's
# default (moved into the staging directory by TITLELINT_LEXICON_DIR).
out=$(LD_LIBRARY_PATH=$lib TITLELINT_LEXICON_DIR=$share/titlelint/lexicons \
      "$root/bin/titlelint" -t '香奈儿同款小香风外套' || true)
echo "$out" | grep -q 'brand-riding' || { echo "installed binary: $out"; exit 1; }

# Without it, the compiled-in path is the installed one, not the build tree.
err=$(LD_LIBRARY_PATH=$lib "$root/bin/titlelint" -t x 2>&1 || true)
if [ ! -d "$prefix/$datadir/titlelint/lexicons" ]; then
    echo "$err" | grep -q "titlelint/lexicons: cannot open lexicon directory" ||
        { echo "expected the installed lexicon path: $err"; exit 1; }
fi

# The example builds from the pkg-config file alone.
PKG_CONFIG_PATH=$lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror "$src/examples/lint-title.c" \
    $(pkg-config --cflags --libs titlelint) -o "$dest/lint-title"
out=$(LD_LIBRARY_PATH=$lib TITLELINT_LEXICON_DIR=$share/titlelint/lexicons \
      "$dest/lint-title" '杨幂同款连衣裙' || true)
echo "$out" | grep -q 'TL502' || { echo "example: $out"; exit 1; }
echo "install ok"
