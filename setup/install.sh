#!/usr/bin/env bash
# Prepare a Debian 12 / Ubuntu 24.04 machine for ACORN: system packages, PostgreSQL and
# its role, the Odoo 18.0 source, a virtualenv with pinned dependencies, an odoo.conf.
# Idempotent: a second run checks and returns in a few seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 2; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# 1. System packages: PostgreSQL, and what the tests drive for real (a browser for UI
#    tours, an SSH server for the SFTP transport, wkhtmltopdf for PDF labels, Node.js
#    to syntax-check the tours' JavaScript).
need_pkgs=()
command -v pg_ctlcluster >/dev/null || need_pkgs+=(postgresql postgresql-contrib)
command -v chromium >/dev/null || need_pkgs+=(chromium)
[ -x /usr/sbin/sshd ] || need_pkgs+=(openssh-server)
command -v wkhtmltopdf >/dev/null || need_pkgs+=(wkhtmltopdf)
command -v git >/dev/null || need_pkgs+=(git)
command -v node >/dev/null || need_pkgs+=(nodejs)
python_bin="$(command -v python3.11 || command -v python3.12 || command -v python3 || true)"
[ -n "$python_bin" ] && "$python_bin" -c 'import venv, ensurepip' 2>/dev/null \
  || need_pkgs+=(python3-venv python3-dev)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  say "installing system packages: ${need_pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  python_bin="$(command -v python3.11 || command -v python3.12 || command -v python3)"
fi

# 2. PostgreSQL: start the cluster (create one if the machine has none) and a dedicated
#    role; Odoo refuses to connect as "postgres".
if ! pg_lsclusters -h | grep -q .; then
  ver="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  say "creating PostgreSQL $ver cluster"
  $SUDO pg_createcluster "$ver" main >/dev/null
fi
pg_lsclusters -h | while read -r ver name _port status _rest; do
  if [ "$status" != online ]; then
    say "starting PostgreSQL $ver/$name"
    $SUDO pg_ctlcluster "$ver" "$name" start
  fi
done
for _ in $(seq 1 30); do
  pg_isready -q -h "$ACORN_DB_HOST" -p "$ACORN_DB_PORT" && break
  sleep 1
done
pg_isready -q -h "$ACORN_DB_HOST" -p "$ACORN_DB_PORT" || die "PostgreSQL does not answer"
pg_admin() {  # psql as the postgres OS user, on the local socket
  if [ -n "$SUDO" ]; then
    sudo -u postgres env -i PATH="$PATH" psql -qtA -c "$1" postgres
  else
    su postgres -s /bin/sh -c "env -i PATH='$PATH' psql -qtA -c \"$1\" postgres"
  fi
}
if [ "$(pg_admin "SELECT 1 FROM pg_roles WHERE rolname='$ACORN_DB_USER'")" != 1 ]; then
  say "creating PostgreSQL role $ACORN_DB_USER"
  pg_admin "CREATE ROLE $ACORN_DB_USER LOGIN SUPERUSER PASSWORD '$ACORN_DB_PASSWORD'"
fi

# 3. Odoo 18.0 source: $ODOO_PATH, else the cache folder, cloned when absent.
odoo_ok() { grep -Eq '^version_info = \(18, 0,' "$1/odoo/release.py" 2>/dev/null; }
if ! odoo_ok "$ODOO_PATH"; then
  if [ -e "$ODOO_PATH/odoo/release.py" ]; then
    die "$ODOO_PATH holds an Odoo that is not 18.0 (see odoo/release.py); set ODOO_PATH"
  fi
  say "cloning Odoo 18.0 into $ODOO_PATH (shallow)"
  mkdir -p "$(dirname "$ODOO_PATH")"
  if ! git clone -q --depth 1 --branch 18.0 https://github.com/odoo/odoo.git "$ODOO_PATH"; then
    rm -rf "$ODOO_PATH"
    die "no Odoo 18.0 source and it could not be cloned (offline?). Put an Odoo 18.0
Community tree at $ODOO_PATH (the folder holding odoo-bin), e.g. from another machine:
  git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git $ODOO_PATH
or point ODOO_PATH at an existing 18.0 tree, then run this command again."
  fi
fi

# 4. Virtualenv, rebuilt only when a requirements file changes.
reqs=("$ACORN_REPO/setup/odoo-runtime.txt" "$ACORN_REPO/requirements.txt"
      "$ACORN_REPO/setup/test-requirements.txt")
stamp="$(cat "${reqs[@]}" | sha256sum | cut -c1-16)"
if [ "$(cat "$ACORN_VENV/.acorn-stamp" 2>/dev/null)" != "$stamp" ]; then
  say "creating virtualenv $ACORN_VENV with $("$python_bin" --version)"
  "$python_bin" -m venv "$ACORN_VENV"
  "$ACORN_PYTHON" -m pip install -q --upgrade pip wheel setuptools 2>/dev/null
  req_args=()
  for r in "${reqs[@]}"; do req_args+=(-r "$r"); done
  "$ACORN_PYTHON" -m pip install -q "${req_args[@]}" 2>&1 | grep -v '^WARNING: Location' >&2 || true
  "$ACORN_PYTHON" -c 'import odoo' 2>/dev/null || true
  "$ACORN_PYTHON" -c 'import lxml, psycopg2, pyx12, paramiko, websocket, pytest, hypothesis' \
    || die "the virtualenv is incomplete: see pip's messages above"
  echo "$stamp" > "$ACORN_VENV/.acorn-stamp"
fi

# 5. Odoo configuration for the demo server and the tests.
if [ ! -f "$ACORN_CONF" ] || ! grep -q "^addons_path = $ODOO_PATH/addons,$ACORN_REPO$" "$ACORN_CONF"; then
  mkdir -p "$ACORN_HOME"
  cat > "$ACORN_CONF" <<CONF
[options]
addons_path = $ODOO_PATH/addons,$ACORN_REPO
data_dir = $ACORN_HOME/data
db_host = $ACORN_DB_HOST
db_port = $ACORN_DB_PORT
db_user = $ACORN_DB_USER
db_password = $ACORN_DB_PASSWORD
admin_passwd = admin
CONF
  say "wrote $ACORN_CONF"
fi
say "ready: Odoo $ODOO_PATH, Python $ACORN_PYTHON, config $ACORN_CONF"
