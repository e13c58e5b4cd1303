# script/lib.sh: small helpers shared by the scripts in script/. Sourced, never run.
# Kept in one place so the scripts agree on how ports are picked, how a server is
# waited for and how a process is stopped.

# The repository root, whatever directory the caller was started from.
TRELLIS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say()  { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# A Python that is sure to be there: Debian's own, else whatever is on PATH.
# (Debian's is preferred because python3-venv from apt belongs to it.)
system_python() {
  if [[ -x /usr/bin/python3 ]]; then echo /usr/bin/python3; else command -v python3; fi
}

# Prints a TCP port that is free on 127.0.0.1 right now. The kernel picks it (bind to
# port 0), so two scripts running at once do not collide on a fixed port. There is a
# small window before the caller binds it; callers that can retry do.
free_port() {
  "$(system_python)" - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# wait_http URL TIMEOUT_SECONDS PID: polls URL until it answers 200. Gives up early if
# PID (the server we started) has died, so a crash is reported at once, not after the
# whole timeout.
wait_http() {
  local url=$1 timeout=$2 pid=$3 deadline code
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      warn "the server (pid $pid) exited before $url answered"
      return 1
    fi
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null || true)
    [[ $code == 200 ]] && return 0
    sleep 0.25
  done
  warn "$url did not answer 200 within ${timeout}s (last status: ${code:-none})"
  return 1
}

# descendants PID: ids of PID's children, grandchildren, ... (from one `ps`).
descendants() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END {
      found[root] = 1
      do {
        changed = 0
        for (p in parent) if (!(p in found) && (parent[p] in found)) { found[p] = 1; changed = 1 }
      } while (changed)
      for (p in found) if (p != root) print p
    }'
}

# running PID...: prints those of the given ids that are still running (zombies,
# which are only waiting to be reaped, do not count).
running() {
  local list
  list=$(IFS=,; echo "$*")
  { ps -o pid=,stat= -p "$list" 2>/dev/null || true; } | awk '$2 !~ /^Z/ { print $1 }'
}

# stop_pid PID [NAME]: stops a process we started together with everything it started
# (pytest's chromedriver and chromium, swift test's test runner): TERM to the whole
# tree at once, up to 10 s for a graceful shutdown, then KILL. The tree is collected
# before signalling, since orphans would lose their link to it. Only ever ids we
# started ourselves. (Children stay in our process group, so if whoever runs us kills
# the group, they go too.)
stop_pid() {
  local pid=$1 name=${2:-process} i
  local -a pids alive
  if [[ -z $(running "$pid") ]]; then
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  # shellcheck disable=SC2207  # ids are plain numbers
  pids=("$pid" $(descendants "$pid"))
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    # shellcheck disable=SC2207
    alive=($(running "${pids[@]}"))
    ((${#alive[@]})) || break
    sleep 0.25
  done
  if ((${#alive[@]})); then
    warn "$name (pid $pid) did not stop within 10 s of SIGTERM; killing it"
    kill -KILL "${alive[@]}" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# check_swift: Swift cannot come from apt on Debian 12, so all we can do is say so.
check_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    die "Swift is missing: 'swift' is not on PATH. Install a Swift 6.x toolchain from swift.org (Trellis needs swift-tools-version 6.2) and put its usr/bin on PATH."
  fi
  local v
  # Whole output first, then the first line: piping into `head` could SIGPIPE swift
  # and, with pipefail, look like a failure.
  v=$(swift --version 2>&1) || die "'swift --version' failed: $v"
  say "swift: ${v%%$'\n'*}"
}
