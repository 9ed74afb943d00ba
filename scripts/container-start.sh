#!/bin/sh
# The image's entrypoint. V8 sizes its heap from the machine's memory, not the container's limit, so
# unless NODE_OPTIONS already caps the old space (the Helm chart sets it), cap it at half the cgroup's
# memory limit. Then run the command, or `node dist/cli.js <args>` for bare arguments (`serve`).
cgroup="${K8HELPER_CGROUP_ROOT:-/sys/fs/cgroup}"
case "${NODE_OPTIONS:-}" in
  *--max-old-space-size*) ;;
  *)
    limit=$(cat "$cgroup/memory.max" 2>/dev/null || cat "$cgroup/memory/memory.limit_in_bytes" 2>/dev/null || echo max)
    case "$limit" in
      '' | max | *[!0-9]*) ;;
      *)
        # cgroup v1 reports "no limit" as a huge number: only a limit below 1 TiB counts.
        if [ "$limit" -lt 1099511627776 ]; then
          export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--max-old-space-size=$((limit / 2097152))"
        fi
        ;;
    esac
    ;;
esac
case "${1:-}" in
  node | sh | /*) exec "$@" ;;
esac
exec node "$(dirname "$0")/../dist/cli.js" "$@"
