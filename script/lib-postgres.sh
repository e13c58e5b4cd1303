# script/lib-postgres.sh: a throwaway PostgreSQL cluster on loopback, for script/bench --postgres and for
# running the two-instance browser test by hand. Sourced after script/lib.sh, never run.
#
#   pg_start NAME    initdb + pg_ctl start in a temp dir on a free port, CREATE DATABASE NAME;
#                    sets pg_url (postgres://app:PASS@127.0.0.1:PORT/NAME), pg_port, pg_bin, pg_tmp
#   pg_stop          stops the cluster and removes its directory (safe to call twice, from a trap)
#
# Durability is off (fsync, synchronous commit, full-page writes): the cluster is thrown away after the run.

pg_tmp="" pg_data="" pg_bin="" pg_port="" pg_pass="" pg_url="" pg_running=0

# initdb and pg_ctl refuse to run as root: as root, run them as the `postgres` user, inside their own directory.
pg_as_owner() {
  if ((EUID == 0)); then
    (cd "$pg_tmp" && runuser -u postgres -- "$@")
  else
    (cd "$pg_tmp" && "$@")
  fi
}

pg_start() {
  local name=$1 attempt
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [[ -n $pg_bin && -x $pg_bin/initdb ]] || { warn "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (script/bootstrap installs them)"; return 1; }
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    warn "running as root but there is no 'postgres' user to run initdb as"; return 1
  fi
  pg_tmp=$(mktemp -d -t trellis-pg.XXXXXX)
  pg_data=$pg_tmp/data
  pg_pass=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')  # hex: safe inside a URL
  printf '%s\n' "$pg_pass" >"$pg_tmp/pwfile"
  ((EUID == 0)) && chown -R postgres: "$pg_tmp"
  if ! pg_as_owner "$pg_bin/initdb" -D "$pg_data" -U app --pwfile="$pg_tmp/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 -N >"$pg_tmp/initdb.log" 2>&1; then
    cat "$pg_tmp/initdb.log" >&2; return 1
  fi
  # A free port can be taken in the moment before the server binds it, so try a few.
  for attempt in 1 2 3; do
    pg_port=$(free_port)
    if pg_as_owner "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_tmp/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB -c max_wal_size=4GB" \
        start >/dev/null; then
      pg_running=1
      break
    fi
    warn "PostgreSQL did not start on port $pg_port (attempt $attempt)"
    tail -n 20 "$pg_tmp/server.log" >&2 || true
  done
  ((pg_running)) || return 1
  "$pg_bin/psql" "postgres://app:$pg_pass@127.0.0.1:$pg_port/postgres" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $name" || return 1
  pg_url="postgres://app:$pg_pass@127.0.0.1:$pg_port/$name"
  say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_data)"
}

pg_stop() {
  if ((pg_running)); then
    if ! pg_as_owner "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      # Never leave a postmaster behind.
      local pid
      pid=$(head -n1 "$pg_data/postmaster.pid" 2>/dev/null || true)
      if [[ -n $pid ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    pg_running=0
  fi
  if [[ -n $pg_tmp ]]; then rm -rf "$pg_tmp"; pg_tmp=""; fi
}
