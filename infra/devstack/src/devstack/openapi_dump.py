"""Write the merged OpenAPI document of every service, as the gateway serves it, to a file.

`make api-types` runs this offline (no process started: each service's app is built and asked
for its schema), then the frontend generates its TypeScript types from the file.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from devstack.services import SERVICES
from gateway.openapi import merge_openapi


def service_documents() -> dict[str, dict[str, Any]]:
    documents = {}
    for spec in SERVICES:
        module = importlib.import_module(f"{spec.name}.main")
        documents[spec.name] = module.create_app().openapi()
    return documents


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m devstack.openapi_dump OUTPUT.json", file=sys.stderr)
        return 2
    merged = merge_openapi(service_documents())
    Path(argv[0]).write_text(json.dumps(merged, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
