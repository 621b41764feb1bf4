#!/usr/bin/env bash
# Builds the real Pulumi engine Paved's engine tests run, offline:
#   - the `pulumi` CLI, from the Go module pinned in go.mod (built, never vendored),
#     stamped with its version;
#   - `pulumi-language-nodejs`: paved's Node language host (language-host/host.ts),
#     because the official host's Go module is not served by the module proxy;
#   - the stand-in provider plugins aws, kubernetes and random (providers/), installed
#     into a private PULUMI_HOME (engine/.home) with `pulumi plugin install -f`.
# Reuses what is built: a warm run costs about a second. Prints what it did and
# how long it took. Everything it writes is ignored by git (engine/bin, engine/.home).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
bin="$here/bin"
home="$here/.home"
start=$(date +%s)
say() { printf 'engine/build: %s\n' "$*" >&2; }

version="$(sed -n 's/^require github.com\/pulumi\/pulumi\/pkg\/v3 \(v[0-9.]*\)$/\1/p; s/^\tgithub.com\/pulumi\/pulumi\/pkg\/v3 \(v[0-9.]*\).*/\1/p' "$here/go.mod" | head -n1)"
[ -n "$version" ] || { say "no pulumi/pkg/v3 version in engine/go.mod"; exit 2; }
command -v go >/dev/null || { say "Go is required (go 1.26 or later) to build the Pulumi CLI; npm test does not need it"; exit 2; }
mkdir -p "$bin/plugins" "$home"

built="$("$bin/pulumi" version 2>/dev/null || true)"
if [ "$built" = "$version" ]; then
  say "pulumi $version: already built ($bin/pulumi)"
else
  say "pulumi $version: building from github.com/pulumi/pulumi/pkg/v3@$version (cold: minutes; module cache $(go env GOMODCACHE))"
  t0=$(date +%s)
  (cd "$here" && go build -trimpath \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
  say "pulumi $version: built in $(( $(date +%s) - t0 )) s"
fi

# Executables that run our TypeScript with the repo's sucrase hook (transpile only).
write_script() { # path under bin, command line
  local file="$bin/$1" text
  text="$(printf '#!/bin/sh\n# Written by engine/build.sh.\nexec %s "$@"\n' "$2")"
  if [ ! -f "$file" ] || [ "$(cat "$file")" != "$text" ]; then
    printf '%s\n' "$text" >"$file"
    chmod +x "$file"
    say "wrote $1"
  fi
}
node_ts="node -r \"$repo/node_modules/sucrase/register/ts\""
write_script pulumi-language-nodejs "$node_ts \"$here/language-host/host.ts\""

export PULUMI_HOME="$home" PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
for spec in aws:7.48.0 kubernetes:4.34.2 random:4.21.2; do
  pkg="${spec%%:*}" ver="${spec#*:}"
  # Not beside the CLI or on PATH: the engine finds them in PULUMI_HOME, as installed plugins.
  write_script "plugins/pulumi-resource-$pkg" "$node_ts \"$here/providers/main.ts\" $pkg"
  dest="$home/plugins/resource-$pkg-v$ver/pulumi-resource-$pkg"
  if ! cmp -s "$bin/plugins/pulumi-resource-$pkg" "$dest" 2>/dev/null; then
    tmp="$(mktemp -d)"
    cp "$bin/plugins/pulumi-resource-$pkg" "$tmp/"
    tar -czf "$tmp/plugin.tgz" -C "$tmp" "pulumi-resource-$pkg"
    "$bin/pulumi" plugin install resource "$pkg" "$ver" -f "$tmp/plugin.tgz" --reinstall >/dev/null
    rm -rf "$tmp"
    say "installed stand-in plugin resource-$pkg v$ver into $home"
  fi
done
say "ready in $(( $(date +%s) - start )) s: $bin/pulumi ($("$bin/pulumi" version)), PULUMI_HOME=$home"
