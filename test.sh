#!/usr/bin/env bash
# Runs every CivicData test on a fresh machine: installs what the tests need when it is missing, builds,
# runs the whole suite, and ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
# The docs tests run docs/api.md's curl examples, some piped through jq.
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v jq >/dev/null 2>&1 || need_apt+=(jq)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} with apt-get"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

log=$(mktemp)
work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  scripts/postgres-test-server.sh stop "$work/postgres" >/dev/null 2>&1 || true
  rm -rf "$work" "$log"
}
trap cleanup EXIT

# A throwaway PostgreSQL 15 + PostGIS (installed from Debian packages when missing) for the dialect and
# differential tests; the tests read its address from CIVICDATA_TEST_POSTGRES.
if connection=$(scripts/postgres-test-server.sh start "$work/postgres" | tail -n 1); then
  export CIVICDATA_TEST_POSTGRES="$connection"
  echo "PostgreSQL test server: $connection"
else
  echo "PostgreSQL test server could not be started; the PostgreSQL tests will fail." >&2
fi

dotnet test CivicData.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The house style is checked like a test: formatting drift fails the run.
format_failed=0
if ! dotnet format CivicData.sln --verify-no-changes --no-restore >"$log.format" 2>&1; then
  cat "$log.format"
  echo "dotnet format --verify-no-changes found files to reformat (run: dotnet format CivicData.sln)"
  format_failed=1
  status=1
fi
rm -f "$log.format"

# Each test assembly prints "Passed!  - Failed: N, Passed: N, Skipped: N, Total: N" (or "Failed!  - ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") f += $(i + 1)
      if ($i == "Passed:") p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

failed=$((failed + format_failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
