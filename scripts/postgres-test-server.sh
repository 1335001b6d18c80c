#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS for the tests, in a directory of its own, on a free loopback port.
#   postgres-test-server.sh start DIR   installs the Debian packages when missing, starts the server and prints its
#                                       Npgsql connection string as the last line of standard output
#   postgres-test-server.sh stop DIR    stops it (the caller removes DIR)
set -euo pipefail
command=${1:?start or stop}
dir=${2:?directory}
version=15
bin=/usr/lib/postgresql/$version/bin

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing() {
  if [ -x "$bin/initdb" ] && [ -f "/usr/share/postgresql/$version/extension/postgis.control" ]; then
    return
  fi
  echo "Installing PostgreSQL $version and PostGIS with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "postgresql-$version" "postgresql-$version-postgis-3" >&2
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

case "$command" in
  start)
    install_if_missing
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    port=$(free_port)
    as_postgres "$bin/initdb" -D "$dir/data" -U civicdata --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
    # Durability is pointless for a test server; turning it off makes the suite faster.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U civicdata civicdata_test
    as_postgres "$bin/psql" -q -h 127.0.0.1 -p "$port" -U civicdata -d civicdata_test -c "CREATE EXTENSION IF NOT EXISTS postgis" >&2
    echo "Host=127.0.0.1;Port=$port;Username=civicdata;Database=civicdata_test;Pooling=true"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
