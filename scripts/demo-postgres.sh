#!/usr/bin/env bash
# A local PostgreSQL trial of fortnight in one command (README "PostgreSQL"): a throwaway cluster in a
# folder of its own (Unix socket only, no TCP port), the schema migrated, the demo team copied in, and a
# login role for its sergeant. Nothing outside the folder is touched.
#   scripts/demo-postgres.sh [FOLDER]        start it (default FOLDER: /tmp/fortnight-pg-demo), print the URLs
#   scripts/demo-postgres.sh stop [FOLDER]   stop the server and remove the folder
set -euo pipefail
cd "$(dirname "$0")/.."
action=start
if [ "${1:-}" = stop ]; then action=stop; shift; fi
dir="${1:-/tmp/fortnight-pg-demo}"
bin=""
for d in $(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)") $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
	if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then bin="$d"; break; fi
done
if [ -z "$bin" ]; then
	echo "No PostgreSQL server programs found (initdb, pg_ctl, postgres). On Debian or Ubuntu: sudo apt-get install postgresql" >&2
	exit 3
fi
# The server refuses to run as root: as root, it runs as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$action" = stop ]; then
	[ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	echo "Stopped and removed $dir."
	exit 0
fi
if [ -e "$dir" ]; then
	echo "$dir already exists: run \"scripts/demo-postgres.sh stop $dir\" first, or name another folder." >&2
	exit 2
fi
mkdir -p "$dir" && chmod 700 "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=peer --auth-local=trust --no-sync -E UTF8 --locale=C >/dev/null
printf "listen_addresses = ''\nunix_socket_directories = '%s'\n" "$dir" | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
psql=$( [ -x "$bin/psql" ] && echo "$bin/psql" || echo psql )
"$psql" -h "$dir" -U postgres -d postgres -q -c 'CREATE DATABASE fortnight'
owner="postgresql://postgres@/fortnight?host=$dir"
[ -f dist/cli.js ] || npm run --silent build
node dist/cli.js --store "$owner" store migrate
tmp=$(mktemp -d)
cp data/demo.json "$tmp/demo.json" && cp data/demo.welfare.json "$tmp/demo.welfare.json"
node dist/cli.js store copy --from "$tmp/demo.json" --to "$owner"
rm -rf "$tmp"
team=$(node -e 'console.log(JSON.parse(require("fs").readFileSync("data/demo.json","utf8")).team.id)')
sergeant=$(node -e 'console.log(JSON.parse(require("fs").readFileSync("data/demo.json","utf8")).team.sergeantId)')
"$psql" -h "$dir" -U postgres -d fortnight -q \
  -c "CREATE ROLE demo_sergeant LOGIN IN ROLE fortnight_officer; INSERT INTO fortnight_logins VALUES ('demo_sergeant', '$team', '$sergeant')"
cat <<DONE

A PostgreSQL trial is running in $dir (socket only, no TCP port).
  the team's sergeant:  node dist/cli.js --store 'postgresql://demo_sergeant@/fortnight?host=$dir'
  the database owner:   node dist/cli.js --store '$owner' verify
  SQL as the sergeant:  psql -h $dir -U demo_sergeant fortnight
Stop it:                scripts/demo-postgres.sh stop $dir
DONE
