#!/usr/bin/env bash
# paved in a pipeline: the steps of action.yml and ci/gitlab/paved.gitlab-ci.yml, runnable on a laptop.
#
#   scripts/ci/check.sh
#
# Environment (all optional):
#   PAVED_BIN             how to run paved (default: node_modules/.bin/paved, else `npx --no-install paved`)
#   PAVED_PROGRAM         the Pulumi program directory (default: .)
#   PAVED_STACK           the stack whose config the program runs with (default: paved's, dev)
#   PAVED_POLICY_CONFIG   the platform team's pinned policy config (wins over the stack's own choice);
#                         PAVED_INPUT_POLICY_CONFIG (the action's input) replaces it when not empty
#   PAVED_EXEMPTIONS_FILE the granted exemptions (PAVED_INPUT_EXEMPTIONS replaces it when not empty)
#   PAVED_DIFF_BASE       a git ref, program directory or saved register to diff the firewall rules against
#   PAVED_REQUIRE_TICKET  "true": a new or widened rule without a ticket fails the job
#   PAVED_OUT_DIR         where the reports go (default: paved-report)
#   PAVED_CHECK_ARGS      extra arguments for `paved check` (word-split)
#   PAVED_DEFER_EXIT      "true": always exit 0 and leave the verdict in $GITHUB_OUTPUT (exit-code=...),
#                         so that later steps (the SARIF upload) run; scripts/ci/verdict.sh fails the job
#   GITHUB_STEP_SUMMARY   the job summary file: the check's Markdown and the rule diff are appended to it
#   GITHUB_OUTPUT         step outputs: exit-code, check-exit-code, diff-exit-code, sarif-file, summary-file, diff-file
#
# Writes $PAVED_OUT_DIR/paved.sarif and paved.md, and register-diff.md with a base.
# Exit code (unless deferred): 0 pass; 1 a mandatory violation (or, with PAVED_REQUIRE_TICKET, a rule
# without a ticket); 2 usage or input error.
set -uo pipefail

program="${PAVED_PROGRAM:-.}"
# No --stack unless one is named: the default stack (dev) may run on the project's defaults alone.
stack=()
if [ -n "${PAVED_STACK:-}" ]; then stack=(--stack "$PAVED_STACK"); fi
out="${PAVED_OUT_DIR:-paved-report}"
mkdir -p "$out"

if [ -n "${PAVED_BIN:-}" ]; then
  read -r -a paved <<<"$PAVED_BIN"
elif [ -x node_modules/.bin/paved ]; then
  paved=(node_modules/.bin/paved)
else
  paved=(npx --no-install paved)
fi
extra=()
if [ -n "${PAVED_CHECK_ARGS:-}" ]; then read -r -a extra <<<"$PAVED_CHECK_ARGS"; fi

# The action's inputs, when given, set the pin and the exemptions; an empty one keeps the environment's.
if [ -n "${PAVED_INPUT_POLICY_CONFIG:-}" ]; then export PAVED_POLICY_CONFIG="$PAVED_INPUT_POLICY_CONFIG"; fi
if [ -n "${PAVED_INPUT_EXEMPTIONS:-}" ]; then export PAVED_EXEMPTIONS_FILE="$PAVED_INPUT_EXEMPTIONS"; fi
# An empty pin must not count as one.
[ -n "${PAVED_POLICY_CONFIG:-}" ] || unset PAVED_POLICY_CONFIG
[ -n "${PAVED_EXEMPTIONS_FILE:-}" ] || unset PAVED_EXEMPTIONS_FILE

worst() { # the larger exit code wins (2 usage > 1 violations > 0)
  if [ "$1" -gt "$2" ]; then echo "$1"; else echo "$2"; fi
}

# The SARIF report (code scanning) and the Markdown one (the summary), from one run so that they hold
# the same findings; its exit code is the verdict. A paved without --report (0.1.0, a pinned
# paved-version) runs the check twice, as it always did.
echo "paved: checking $program (stack ${PAVED_STACK:-dev})" >&2
check_args=("$program" ${stack[@]+"${stack[@]}"} --require-resources)
report=()
if "${paved[@]}" check --help 2>/dev/null | grep -q -e '--report <format=file>'; then
  report=(--report "markdown=$out/paved.md")
fi
"${paved[@]}" check "${check_args[@]}" --format sarif --output "$out/paved.sarif" \
  ${report[@]+"${report[@]}"} ${extra[@]+"${extra[@]}"}
check=$?
if [ ${#report[@]} -eq 0 ] && [ "$check" -le 1 ]; then
  "${paved[@]}" check "${check_args[@]}" --format markdown --output "$out/paved.md" ${extra[@]+"${extra[@]}"} || true
fi
if [ "$check" -gt 1 ]; then
  printf '## ⚠️ paved check could not run (exit %s)\n\nSee the job log for the error.\n' "$check" >"$out/paved.md"
  rm -f "$out/paved.sarif"
fi

diff=0
if [ -n "${PAVED_DIFF_BASE:-}" ]; then
  base="$PAVED_DIFF_BASE"
  # In a shallow clone the base commit may be missing: fetch it (a no-op when it is there).
  if [ ! -e "$base" ] && ! git -C "$program" rev-parse --verify --quiet "$base^{commit}" >/dev/null 2>&1; then
    git -C "$program" fetch --quiet --depth=1 origin "$base" >/dev/null 2>&1 || true
    if git -C "$program" rev-parse --verify --quiet FETCH_HEAD >/dev/null 2>&1 &&
      ! git -C "$program" rev-parse --verify --quiet "$base^{commit}" >/dev/null 2>&1; then
      base="$(git -C "$program" rev-parse FETCH_HEAD)"
    fi
  fi
  ticket=()
  if [ "${PAVED_REQUIRE_TICKET:-false}" = "true" ]; then ticket=(--require-ticket); fi
  "${paved[@]}" register "$program" ${stack[@]+"${stack[@]}"} --diff "$base" --format markdown --output "$out/register-diff.md" ${ticket[@]+"${ticket[@]}"}
  diff=$?
fi

code=$(worst "$check" "$diff")

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    cat "$out/paved.md"
    echo
    if [ -f "$out/register-diff.md" ]; then
      cat "$out/register-diff.md"
      echo
    fi
  } >>"$GITHUB_STEP_SUMMARY"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    echo "check-exit-code=$check"
    echo "diff-exit-code=$diff"
    if [ -f "$out/paved.sarif" ]; then echo "sarif-file=$out/paved.sarif"; else echo "sarif-file="; fi
    echo "summary-file=$out/paved.md"
    if [ -f "$out/register-diff.md" ]; then echo "diff-file=$out/register-diff.md"; else echo "diff-file="; fi
  } >>"$GITHUB_OUTPUT"
fi

echo "paved: check exit $check, rule diff exit $diff" >&2
if [ "${PAVED_DEFER_EXIT:-false}" = "true" ]; then exit 0; fi
exit "$code"
