#!/usr/bin/env bash
# Install everything the tests need and run them (headless, Qt offscreen).
#   bash scripts/test.sh [extra pytest args]
# Steps: system packages (scripts/install-system-deps.sh), .venv (created if
# missing or broken), `pip install -e ".[test]"`, import-linter contracts (if
# lint-imports is installed and configured), then pytest with
# QT_QPA_PLATFORM=offscreen. Exits non-zero if anything fails, including
# pytest's exit code 5 ("no tests collected").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PIP_DISABLE_PIP_VERSION_CHECK=1
export PYTHONDONTWRITEBYTECODE=1
export QT_QPA_PLATFORM=offscreen

bash scripts/install-system-deps.sh

PYTHON=${PYTHON:-python3}
if ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
    rm -rf .venv
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q -e ".[test]"

lint_rc=0
if [[ -x .venv/bin/lint-imports ]]; then
    if [[ -f .importlinter ]] || grep -q '^\[tool\.importlinter' pyproject.toml 2>/dev/null; then
        # import-linter prints a large banner; show its report only on failure.
        lint_out=$(.venv/bin/lint-imports 2>&1) || lint_rc=$?
        if [[ $lint_rc -eq 0 ]]; then
            echo "test.sh: import-linter: $(grep -E '^Contracts:' <<<"$lint_out" || echo 'contracts kept')"
        else
            printf '%s\n' "$lint_out"
        fi
    else
        echo "test.sh: lint-imports installed but no [tool.importlinter] config; skipping" >&2
    fi
fi

set +e
.venv/bin/python -m pytest -q "$@"
pytest_rc=$?
set -e

if [[ $pytest_rc -eq 5 ]]; then
    echo "test.sh: pytest collected no tests (exit 5): treating as failure" >&2
    exit 1
fi
if [[ $lint_rc -ne 0 ]]; then
    echo "test.sh: import-linter contracts broken (exit $lint_rc)" >&2
    [[ $pytest_rc -ne 0 ]] && exit "$pytest_rc"
    exit "$lint_rc"
fi
exit "$pytest_rc"
