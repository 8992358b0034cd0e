"""`python -m gateway`: run the gateway with its settings (GATEWAY_HOST, GATEWAY_PORT).

The same as `uvicorn gateway.main:app --loop uvloop --http httptools`, plus a clear message
naming the variable to change when the port is taken.
"""

from __future__ import annotations

import errno
import socket
import sys

import uvicorn

from gateway.settings import Settings


def main() -> int:
    settings = Settings()
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((settings.host, settings.port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(
                f"gateway: port {settings.port} on {settings.host} is already in use; set GATEWAY_PORT to a free port.",
                file=sys.stderr,
            )
            return 1
        raise
    finally:
        probe.close()
    uvicorn.run(
        "gateway.main:app",
        host=settings.host,
        port=settings.port,
        loop="uvloop",
        http="httptools",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
