#!/usr/bin/env bash
# Install what the program needs and start it:
#   bash scripts/run.sh [program args]
# Without DISPLAY/WAYLAND_DISPLAY the program is started under `xvfb-run -a`
# (a virtual X server: the window exists but is not visible on any screen).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PIP_DISABLE_PIP_VERSION_CHECK=1

bash scripts/install-system-deps.sh

PYTHON=${PYTHON:-python3}
if ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
    rm -rf .venv
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q -e .

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    if command -v xvfb-run >/dev/null 2>&1; then
        echo "run.sh: no DISPLAY or WAYLAND_DISPLAY: running under xvfb-run -a (virtual X server, window not visible)" >&2
        exec xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/migration-planner "$@"
    fi
    echo "run.sh: no DISPLAY or WAYLAND_DISPLAY and xvfb-run is not installed; trying anyway" >&2
fi
exec .venv/bin/migration-planner "$@"
