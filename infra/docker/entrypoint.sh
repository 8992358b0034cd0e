#!/bin/sh
# Entrypoint of every ALGA Campus Python image (the services and the gateway).
#
#   serve [uvicorn options]  (default) run <ALGA_SERVICE>.main:app on $<SERVICE>_PORT
#   migrate                  apply the service's Alembic migrations up to head, then exit
#   anything else            run as given, e.g. `alga-identity create-admin`
#
# The image sets ALGA_SERVICE (identity, gateway, ...) and <SERVICE>_PORT. Migrations are a separate
# one-shot run (compose service `<svc>-migrate`, Kubernetes Job), never part of `serve`: replicas then
# start without DDL and never race each other over the schema (docs/decisions/0005-packaging.md).
set -eu

service="${ALGA_SERVICE:?ALGA_SERVICE is not set: the image must name its Python package}"
port_var="$(printf '%s_PORT' "$service" | tr '[:lower:]-' '[:upper:]_')"

if [ "$#" -eq 0 ]; then
    set -- serve
fi

case "$1" in
    serve)
        shift
        port="$(printenv "$port_var" || true)"
        if [ -z "$port" ]; then
            echo "alga-entrypoint: $port_var is not set; it gives the port $service listens on" >&2
            exit 64
        fi
        # exec: uvicorn becomes the process that receives SIGTERM and drains connections.
        exec uvicorn "$service.main:app" \
            --host 0.0.0.0 --port "$port" \
            --proxy-headers --loop uvloop --http httptools \
            --timeout-graceful-shutdown 20 \
            "$@"
        ;;
    migrate)
        shift
        ini="services/$service/alembic.ini"
        if [ ! -f "$ini" ]; then
            echo "alga-entrypoint: $service has no migrations ($ini is missing)" >&2
            exit 64
        fi
        exec alembic -c "$ini" upgrade head "$@"
        ;;
    *)
        exec "$@"
        ;;
esac
