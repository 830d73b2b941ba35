#!/usr/bin/env bash
# CI check of the single-host install's systemd units (docs/deploy.md): systemd-analyze verify
# (unknown keys, bad values, missing executables) with node at this machine's path; without
# systemd-analyze, the checks a script can do: the sections and keys every unit needs, and that
# every ExecStart target exists in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
units=(deploy/systemd/*.service)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node_bin=$(command -v node)
status=0
for unit in "${units[@]}"; do
  name=$(basename "$unit")
  sed "s#/usr/bin/node#${node_bin}#" "$unit" >"$work/$name"
  for key in '^\[Unit\]' '^\[Service\]' '^\[Install\]' '^ExecStart=' '^EnvironmentFile=/etc/interviewlm/interviewlm.env' '^Environment=NODE_ENV=production' '^KillSignal=SIGTERM' '^TimeoutStopSec='; do
    grep -q "$key" "$unit" || { echo "$unit: missing $key"; status=1; }
  done
  # The script the unit runs must exist in the repository (relative to its WorkingDirectory).
  dir=$(sed -n 's#^WorkingDirectory=/opt/interviewlm/\{0,1\}##p' "$unit")
  script=$(sed -n 's#^ExecStart=.* \([^ ]*\.\(ts\|mjs\)\)$#\1#p' "$unit")
  [ -f "${dir:+$dir/}$script" ] || { echo "$unit: ExecStart runs ${dir:+$dir/}$script, which is not in the repository"; status=1; }
done
if command -v systemd-analyze >/dev/null 2>&1; then
  out=$(cd "$work" && systemd-analyze verify --man=no ./*.service 2>&1) || status=1
  # Warnings (unknown keys) do not fail verify; they fail this check.
  if [ -n "$out" ]; then echo "$out"; status=1; fi
else
  echo "systemd-analyze not available: checked keys and ExecStart targets only"
fi
[ "$status" = 0 ] && echo "deploy units: ${#units[@]} verified"
exit "$status"
