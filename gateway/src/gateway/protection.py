"""Which operations of a service need a token, derived from that service's OpenAPI document.

The gateway refuses a protected operation without a token before it reaches the service. The
service checks again (it is the authority); this only saves a round trip and keeps anonymous
traffic off the services.
"""

from __future__ import annotations

import re
from typing import Any

from gateway.openapi import HTTP_METHODS

_PARAM = re.compile(r"\{[^/{}]+\}")


def needs_token(operation: dict[str, Any], default: list[dict] | None) -> bool:
    """OpenAPI semantics: `security` lists alternatives; an empty one (`{}`) means anonymous is
    acceptable, and an absent operation-level list inherits the document-level one."""
    security = operation.get("security", default)
    return bool(security) and all(requirement for requirement in security or ())


def _template_regex(path: str) -> str:
    out, pos = [], 0
    for match in _PARAM.finditer(path):
        out.append(re.escape(path[pos : match.start()]))
        out.append("[^/]+")
        pos = match.end()
    out.append(re.escape(path[pos:]))
    return "".join(out)


class OperationIndex:
    """Path templates compiled once into one alternation per method.

    The alternatives keep the document's order, which is the order FastAPI matches routes in, so
    `/users/{id}` declared before `/users/me` wins here as it does in the service. `lastgroup`
    names the alternative that matched without a Python-level loop.
    """

    __slots__ = ("_by_method",)

    def __init__(self, doc: dict[str, Any]) -> None:
        default = doc.get("security")
        per_method: dict[str, list[tuple[str, bool]]] = {}
        for path, item in (doc.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            for method in HTTP_METHODS:
                operation = item.get(method)
                if isinstance(operation, dict):
                    per_method.setdefault(method.upper(), []).append(
                        (_template_regex(path), needs_token(operation, default))
                    )
        # Starlette answers HEAD on GET routes.
        if "GET" in per_method and "HEAD" not in per_method:
            per_method["HEAD"] = per_method["GET"]

        self._by_method: dict[str, tuple[re.Pattern[str], dict[str, bool]]] = {}
        for method, entries in per_method.items():
            groups = {f"o{i}": protected for i, (_, protected) in enumerate(entries)}
            pattern = "|".join(f"(?P<o{i}>{rx})" for i, (rx, _) in enumerate(entries))
            self._by_method[method] = (re.compile(f"(?:{pattern})"), groups)

    def requires_token(self, method: str, path: str) -> bool:
        """True when the operation at `path` (service-relative) needs a token.

        A path the document does not describe is let through: the service answers it (404/405).
        """
        compiled = self._by_method.get(method)
        if compiled is None:
            return False
        regex, groups = compiled
        match = regex.fullmatch(path)
        return match is not None and groups[match.lastgroup]  # type: ignore[index]
