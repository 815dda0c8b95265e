#!/usr/bin/env bash
# Sets up a fresh machine (system packages, a virtual environment in .venv) and then runs
# one job:  ./bootstrap.sh build   builds the LKjIP (site/ and dist/*.pdf)
#           ./bootstrap.sh test    runs the whole test suite
# Anything after the job is passed on (e.g. ./bootstrap.sh test -k formulas).
set -euo pipefail
cd "$(dirname "$0")"

job="${1:-}"
case "$job" in
  build|test) shift ;;
  *) echo "Pemakaian: ./bootstrap.sh build | test" >&2; exit 2 ;;
esac

# Pango/HarfBuzz for WeasyPrint, a report font (Liberation Serif, metric-compatible with
# Times New Roman), bubblewrap (the sandbox that renders revisions nobody approved yet), and
# for the tests poppler-utils (pdftotext, pdftoppm), ssh-keygen and Debian's Chromium with its
# driver (the review page's browser test).
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 fonts-dejavu-core
          bubblewrap)
if [ "$job" = test ]; then
  packages+=(poppler-utils openssh-client git chromium chromium-driver)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Memasang paket sistem: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extras=""
[ "$job" = test ] && extras="[test]"
stamp=".venv/.installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  touch "$stamp"
fi

if [ "$job" = build ]; then
  exec .venv/bin/lkjip build "$@"
fi
exec .venv/bin/python -m pytest "$@"
