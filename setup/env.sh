# Shared settings for ACORN's setup, demo and test scripts (sourced, not run).
# Every value can be overridden from the environment.
ACORN_HOME="${ACORN_HOME:-$HOME/.cache/acorn}"
ODOO_PATH="${ODOO_PATH:-$ACORN_HOME/odoo-18.0}"
ACORN_VENV="${ACORN_VENV:-$ACORN_HOME/venv}"
ACORN_PYTHON="$ACORN_VENV/bin/python"
ACORN_DB_HOST="${ACORN_DB_HOST:-localhost}"
ACORN_DB_PORT="${ACORN_DB_PORT:-5432}"
ACORN_DB_USER="${ACORN_DB_USER:-acorn}"
ACORN_DB_PASSWORD="${ACORN_DB_PASSWORD:-acorn}"
ACORN_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One Odoo configuration per checkout (its addons path is the checkout's).
ACORN_CONF="${ACORN_CONF:-$ACORN_REPO/.odoo.conf}"
export ACORN_HOME ODOO_PATH ACORN_VENV ACORN_PYTHON ACORN_DB_HOST ACORN_DB_PORT \
  ACORN_DB_USER ACORN_DB_PASSWORD ACORN_CONF ACORN_REPO
export PGHOST="$ACORN_DB_HOST" PGPORT="$ACORN_DB_PORT" PGUSER="$ACORN_DB_USER" \
  PGPASSWORD="$ACORN_DB_PASSWORD" PGDATABASE=postgres
