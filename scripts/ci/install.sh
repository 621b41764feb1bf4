#!/usr/bin/env bash
# Chooses (and if needed installs) the paved the pipeline runs; prints the command and writes it to
# $GITHUB_OUTPUT as `bin=<command>`.
#
#   PAVED_VERSION=0.1.0 scripts/ci/install.sh   # that version from the registry, in a folder of its own
#   scripts/ci/install.sh                       # the repository's node_modules/.bin/paved, else the
#                                               # checkout this script belongs to (the action's own copy)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
action="${PAVED_ACTION_PATH:-$here}"

if [ -n "${PAVED_VERSION:-}" ]; then
  prefix="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/paved-$PAVED_VERSION"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel error "paved@$PAVED_VERSION" >&2
  bin="$prefix/node_modules/.bin/paved"
elif [ -x node_modules/.bin/paved ]; then
  bin="node_modules/.bin/paved"
else
  if [ ! -d "$action/node_modules/@pulumi/pulumi" ]; then
    (cd "$action" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel error >&2)
  fi
  bin="node $action/bin/paved.js"
fi

echo "paved: using $bin ($($bin --version))" >&2
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "bin=$bin" >>"$GITHUB_OUTPUT"; fi
echo "$bin"
