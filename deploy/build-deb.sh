#!/usr/bin/env bash
# Builds the aizu Debian package(s): deploy/build-deb.sh [amd64|arm64|all] [OUTPUT_DIRECTORY]
# A Native AOT publish (one native program, no .NET needed on the gateway), staged as the package installs it:
#   /usr/lib/aizu/            the program (and the native libraries it loads: SQLite, serial ports)
#   /usr/bin/aizu             symlink, so 'aizu' is on the PATH
#   /lib/systemd/system/aizu.service
#   /etc/aizu/aizu.json       example configuration (a conffile: kept and never overwritten silently)
# Needs the .NET SDK, dpkg-deb, clang (or gcc) and zlib's headers, and for arm64 the AArch64 cross binutils and
# C library (.ci/install-deps installs them); no root. AIZU_DEB_CONFIGURATION=Debug packages the Debug build
# instead of Release: the same AOT program compiled without optimisation, which takes a fraction of the time (the
# package test does, it tests what gets installed, not how fast it runs). The publish compiles into a folder of its own
# (--artifacts-path), never into the source tree's bin/ and obj/: a build or test run going on there at the same
# time (CI's 'dotnet test' builds the other test projects while the package test runs) is left alone.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
which="${1:-all}"
out="$(mkdir -p "${2:-$root/artifacts/deb}" && cd "${2:-$root/artifacts/deb}" && pwd)"
configuration="${AIZU_DEB_CONFIGURATION:-Release}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n1)"

case "$which" in
  amd64) arches=(amd64) ;;
  arm64) arches=(arm64) ;;
  all) arches=(amd64 arm64) ;;
  *) echo "usage: $0 [amd64|arm64|all] [OUTPUT_DIRECTORY]" >&2; exit 1 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for arch in "${arches[@]}"; do
  case "$arch" in
    amd64) rid=linux-x64 ;;
    arm64) rid=linux-arm64 ;;
  esac

  stage="$work/aizu_${version}_${arch}"

  # Native AOT: about half the resident memory and a third of the CPU of the JIT build (docs/performance.md), and
  # nothing is compiled on the gateway. Globalization is invariant (the gateway formats and compares only
  # culture-invariantly; the panel's ja/en text is the browser's), so ICU is not needed.
  # On an x64 machine the arm64 program is cross-compiled: the ILCompiler package links it with clang
  # --target=aarch64-linux-gnu against Debian's cross C library and arm64 zlib (.ci/install-deps).
  start=$(date +%s)
  # DebugType=none: no debug symbols are made at all (no .pdb, no DWARF from the AOT compiler, nothing for the linker
  # and objcopy to write and strip), since the package ships none; the AOT program's stack traces come from its own
  # metadata, not from symbols. The program needs only libc (and libssl, which .NET loads at run time); SQLite and
  # the serial port library are the two native libraries beside it.
  dotnet publish "$root/edge/Aizu.Gateway/Aizu.Gateway.csproj" -c "$configuration" -r "$rid" \
    -p:PublishAot=true -p:DebugType=none -p:StripSymbols=true -p:GenerateDocumentationFile=false \
    --artifacts-path "$work/build" -o "$work/publish-$arch" -v q -nologo -m:1 >&2
  # A referenced package's own symbols would still be copied beside the program.
  rm -f "$work/publish-$arch/"*.dbg "$work/publish-$arch/"*.pdb
  echo "build-deb: published $rid ($configuration) in $(( $(date +%s) - start )) s" >&2

  install -d -m 0755 "$stage/usr/lib/aizu" "$stage/usr/bin" "$stage/lib/systemd/system" "$stage/etc/aizu" \
    "$stage/usr/share/doc/aizu" "$stage/DEBIAN"
  cp -a "$work/publish-$arch/." "$stage/usr/lib/aizu/"
  chmod 0755 "$stage/usr/lib/aizu/aizu"
  ln -s ../lib/aizu/aizu "$stage/usr/bin/aizu"
  install -m 0644 "$here/aizu.service" "$stage/lib/systemd/system/aizu.service"
  install -m 0640 "$here/aizu.json" "$stage/etc/aizu/aizu.json"
  install -m 0644 "$root/README.md" "$root/docs/install.md" "$root/docs/configuration.md" "$stage/usr/share/doc/aizu/"
  for script in postinst prerm postrm; do
    install -m 0755 "$here/debian/$script" "$stage/DEBIAN/$script"
  done
  echo /etc/aizu/aizu.json > "$stage/DEBIAN/conffiles"
  size_kib=$(du -sk "$stage" | cut -f1)
  cat > "$stage/DEBIAN/control" <<CONTROL
Package: aizu
Version: $version
Architecture: $arch
Maintainer: Aizu project <security@aizu.invalid>
Installed-Size: $size_kib
Depends: adduser, libc6, libssl3 | libssl3t64
Recommends: systemd
Section: misc
Priority: optional
Homepage: https://github.com/aizu-energy/aizu
Description: Aizu home energy gateway
 Reads the household's smart meter, keeps the readings at home, shows them on a
 local panel and, only with the household's consent, shares aggregates with the city.
CONTROL

  dpkg-deb --build --root-owner-group -Zgzip "$stage" "$out/aizu_${version}_${arch}.deb" >&2
  echo "$out/aizu_${version}_${arch}.deb"
  rm -rf "$stage" "$work/publish-$arch"
done
