#!/usr/bin/env bash
# The wheel as a user gets it: built from the tree, installed into a fresh venv outside it,
# then run from a folder with spaces, "%" and Vietnamese letters: --version, python -m cchc_tui,
# demo --print, init, assigned, score (issue 16).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" . 2>/dev/null \
  || .venv/bin/pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" .
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$work"/dist/cchc_tui-*.whl
here="$work/Báo cáo 100%41"
mkdir -p "$here"
cd "$here"
bin="$work/venv/bin"
"$bin/cchc" --version
"$bin/python" -m cchc_tui --version
"$bin/cchc" demo --print | head -3
"$bin/cchc" --db "$here/cchc.sqlite" init --agency 918 --officer "Hương"
"$bin/cchc" --db "$here/cchc.sqlite" assigned | head -2
"$bin/cchc" --db "$here/cchc.sqlite" score | head -3
echo "wheel smoke test: ok"
