#!/usr/bin/env bash
# Fails the job with the verdict scripts/ci/check.sh left (PAVED_DEFER_EXIT=true), after the
# reports were uploaded: 1 on a mandatory violation or a new rule without a ticket, 2 when the
# check could not run.
#
#   PAVED_EXIT_CODE=<code> scripts/ci/verdict.sh
set -u
code="${PAVED_EXIT_CODE:-}"
case "$code" in
  0) echo "paved: passed" ;;
  1) echo "::error title=paved::mandatory policy violations or firewall rules without a ticket; see the job summary" ;;
  "") echo "::error title=paved::no verdict: the check step did not run"; code=2 ;;
  *) echo "::error title=paved::paved could not check the program (exit $code); see the check step's log" ;;
esac
exit "$code"
