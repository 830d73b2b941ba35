#!/usr/bin/env bash
# Installs the Debian packages the product and its tests need, when missing:
# bubblewrap (sandbox isolation), python3-pytest (Python test runs), golang-go (Go test runs),
# default-jdk-headless + junit5 (Java test runs: javac and the JUnit 5 console launcher), ruby +
# ruby-minitest (Ruby test runs), g++ + libgtest-dev (C++ test runs: GCC 12 and GoogleTest's
# headers and static libraries), rustc + cargo (Rust test runs: Debian's toolchain, offline), chromium (end-to-end tests), libseccomp (sandbox syscall
# filter), e2fsprogs / util-linux / mount (per-workspace disk images, setpriv, prlimit) and perl
# (the sandbox launcher).
set -euo pipefail
packages=(bubblewrap python3-pytest golang-go default-jdk-headless junit5 ruby ruby-minitest g++ libgtest-dev rustc cargo python3-seccomp libseccomp-dev e2fsprogs util-linux mount perl-base chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Please install as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null || {
  $SUDO apt-get update -qq && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}
