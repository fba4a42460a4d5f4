#!/usr/bin/env bash
# Install the Debian/Ubuntu system libraries that PySide6 (PySide6-Essentials
# wheels from PyPI) needs, for both
#   - QT_QPA_PLATFORM=offscreen (the test suite), and
#   - the xcb platform (a real window, also headless under Xvfb via xvfb-run).
#
# The list was derived by running `ldd`/`readelf -d` on the wheel's
# libQt6Core/Gui/Widgets/DBus/OpenGL/XcbQpa, the platforms/libqoffscreen.so and
# platforms/libqxcb.so plugins and the xcbglintegrations plugins, then mapping
# every system library to its Debian package (checked on Debian 12 bookworm,
# PySide6 6.12). Transitive dependencies are pulled in by apt itself.
#
# Idempotent: does nothing (and prints nothing) when every package is present.
# Never fails on systems without apt-get or without root/sudo: prints a note
# and exits 0.
set -euo pipefail

PACKAGES=(
    # OpenGL / EGL (libQt6Gui links libGL.so.1 and libEGL.so.1)
    libgl1
    libegl1
    # fonts: libQt6Gui links fontconfig + freetype; a font must exist or all
    # text renders blank
    libfontconfig1
    libfreetype6
    fontconfig
    fonts-dejavu-core
    # misc libraries linked by QtCore/QtGui/QtDBus
    libglib2.0-0
    libdbus-1-3
    zlib1g
    libzstd1
    # keyboard handling (QtGui + xcb plugin)
    libxkbcommon0
    libxkbcommon-x11-0
    # X11 / xcb platform plugin (libqxcb.so -> libQt6XcbQpa.so.6)
    libx11-6
    libx11-xcb1
    libxcb1
    libxcb-cursor0
    libxcb-glx0
    libxcb-icccm4
    libxcb-image0
    libxcb-keysyms1
    libxcb-randr0
    libxcb-render0
    libxcb-render-util0
    libxcb-shape0
    libxcb-shm0
    libxcb-sync1
    libxcb-util1
    libxcb-xfixes0
    libxcb-xkb1
    # headless real window: xvfb-run needs Xvfb and xauth
    xvfb
    xauth
)

note() { printf 'install-system-deps: %s\n' "$*" >&2; }

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    note "apt-get/dpkg-query not found: not a Debian/Ubuntu system, skipping."
    note "Install the equivalents of: ${PACKAGES[*]}"
    exit 0
fi

# `python3 -m venv` needs Debian's python3-venv when python3 is the Debian
# interpreter (a python3 built from source / pyenv ships ensurepip itself).
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    PACKAGES+=(python3-venv)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
        SUDO=(sudo -n)
    else
        note "missing packages: ${missing[*]}"
        note "not root and no password-less sudo: please run as root:"
        note "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
        exit 0
    fi
fi

note "installing missing packages: ${missing[*]}"
log=$(mktemp "${TMPDIR:-/tmp}/install-system-deps.XXXXXX")
trap 'rm -f "$log"' EXIT
# apt/dpkg are chatty even with -qq: keep their output in a log and show it
# only when something fails.
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
   || ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
    cat "$log" >&2
    note "FAILED to install: ${missing[*]}"
    exit 1
fi
note "done."
