#!/bin/bash
# One database and one login role per ALGA Campus service (docs/decisions/0001-service-boundaries.md).
#
# The postgres image runs this once, when its data volume is empty (/docker-entrypoint-initdb.d).
# It is idempotent, so it can be run again to let a new service join an existing installation:
#   docker-compose exec postgres /docker-entrypoint-initdb.d/10-service-databases.sh
#
# For each name in ALGA_DATABASES it makes the role <name> and the database <name> owned by it, and
# takes CONNECT away from PUBLIC so a service cannot open another service's database. The role's
# password comes from <NAME>_DB_PASSWORD (e.g. IDENTITY_DB_PASSWORD); while that is unset the role
# exists but cannot log in. A password that is set is (re)applied on every run.
#
# Connection: the image's own variables (POSTGRES_USER, POSTGRES_DB); PGHOST/PGPORT/PGPASSWORD are
# honoured by psql when it is run elsewhere.
set -euo pipefail

databases="${ALGA_DATABASES:-identity catalogue enrollment experts publications notifications}"
admin_user="${POSTGRES_USER:-postgres}"
admin_db="${POSTGRES_DB:-postgres}"

run_psql() {
    psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --username "$admin_user" --dbname "$admin_db" "$@"
}

for name in $databases; do
    if [[ ! "$name" =~ ^[a-z][a-z0-9_]*$ ]]; then
        echo "10-service-databases: '$name' is not a plain lower-case identifier" >&2
        exit 1
    fi
    password_var="$(tr '[:lower:]' '[:upper:]' <<<"$name")_DB_PASSWORD"
    password="${!password_var:-}"

    # psql variables (:'pw', :"role") quote the values, so a password is never spliced into SQL text.
    run_psql --set role="$name" --set pw="$password" <<'SQL'
SELECT format('CREATE ROLE %I NOLOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT :'pw' <> '' AS has_password \gset
\if :has_password
ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw';
\else
ALTER ROLE :"role" WITH NOLOGIN;
\endif
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'role') \gexec
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"role" TO :"role";
SQL

    if [[ -n "$password" ]]; then
        echo "10-service-databases: database $name ready, role $name can log in"
    else
        echo "10-service-databases: database $name ready, role $name cannot log in ($password_var unset)"
    fi
done
