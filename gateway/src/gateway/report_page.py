"""The donor report as a page to print (or save as PDF from the browser's print dialog).

Plain HTML with its style inline: no script, nothing fetched, readable on paper and by screen
readers (a caption and header cells on every table). It only lays out what the services computed
and suppressed; every value is escaped.
"""

from __future__ import annotations

import html
from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Rapport d'activité",
        "academy": "Académie Africaine des Collectivités Territoriales (ALGA) — CGLU-Afrique",
        "period": "Période",
        "from_start": "depuis le début",
        "until_now": "à ce jour",
        "partner": "Partenaire",
        "generated": "Établi le",
        "privacy": (
            "Agrégats uniquement, aucun nom. Les effectifs de 1 à {t} personnes sont masqués (« < {n} »), "
            "ainsi que ceux qui permettraient de les retrouver par soustraction (« ≥ {n} »)."
        ),
        "print": "Pour un PDF : imprimez cette page et choisissez « Enregistrer au format PDF ».",
        "missing": "Partie manquante",
        "total": "Total",
        "count": "Nombre",
        "withheld": "Trop peu de cas pour détailler sans identifier quelqu'un : seul le total est donné.",
        "enrollment": "Formation",
        "experts": "Communauté d'experts",
        "publications": "Publications",
    },
    "en": {
        "title": "Activity report",
        "academy": "African Local Governments Academy (ALGA) — UCLG Africa",
        "period": "Period",
        "from_start": "from the start",
        "until_now": "to date",
        "partner": "Partner",
        "generated": "Generated on",
        "privacy": (
            "Aggregates only, no names. Counts of 1 to {t} people are hidden (“< {n}”), and so are the "
            "counts that would let them be worked out by subtraction (“≥ {n}”)."
        ),
        "print": "For a PDF: print this page and choose “Save as PDF”.",
        "missing": "Missing part",
        "total": "Total",
        "count": "Count",
        "withheld": "Too few cases to break down without singling someone out: only the total is given.",
        "enrollment": "Training",
        "experts": "Community of Experts",
        "publications": "Publications",
    },
}

STYLE = """
@page { size: A4; margin: 1.6cm; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .4rem;
     border-bottom: 2px solid #333; } h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta, .note { color: #333; margin: .2rem 0; } .missing { border: 2px solid #a00; padding: .4rem .6rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; page-break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #888; padding: .15rem .45rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.total { font-weight: 600; }
@media print { .screen { display: none; } section { break-inside: avoid-page; } body { margin: 0; } }
"""


#: Between the two ends of the period (an en dash).
TO = " \u2013 "


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def render(body: dict[str, Any], *, language: str) -> bytes:
    """`body` is the report as the JSON format gives it (`query`, `parts`, `missing`)."""
    t = TEXTS.get(language, TEXTS["fr"])
    query = body.get("query") or {}
    parts: dict[str, dict[str, Any]] = body.get("parts") or {}
    threshold = next(
        (p["data"].get("threshold", 5) for p in parts.values() if p.get("status") == "ok" and p.get("data")), 5
    )
    start, end = query.get("from") or t["from_start"], query.get("to") or t["until_now"]
    # French puts a space before a colon.
    colon = " : " if language == "fr" else ": "
    out = [
        f'<!doctype html><html lang="{_e(language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>ALGA — {_e(t['title'])} — {_e(start)}{TO}{_e(end)}</title><style>{STYLE}</style></head><body>",
        f'<header><h1>{_e(t["title"])}</h1><p class="meta">{_e(t["academy"])}</p>',
        f'<p class="meta">{_e(t["period"])}{colon}{_e(start)}{TO}{_e(end)}</p>',
    ]
    if query.get("partner"):
        out.append(f'<p class="meta">{_e(t["partner"])}{colon}{_e(query["partner"])}</p>')
    out.append(f'<p class="meta">{_e(t["generated"])} {_e(body.get("generated_at"))}</p>')
    out.append(f'<p class="note">{_e(t["privacy"].format(t=int(threshold) - 1, n=int(threshold)))}</p>')
    out.append(f'<p class="note screen">{_e(t["print"])}</p></header><main>')
    for service, part in parts.items():
        if part.get("status") != "ok":
            name = t.get(service, service)
            out.append(
                f'<p class="missing" role="alert"><strong>{_e(t["missing"])}{colon}{_e(name)}</strong>'
                f" — {_e(part.get('detail'))}</p>"
            )
            continue
        out.append(f"<section><h2>{_e(t.get(service, service))}</h2>")
        for section in part["data"].get("sections", []):
            out.append(f"<h3>{_e(section['title'])}</h3>")
            out.append(f'<p class="total">{_e(t["total"])}{colon}{_e(section["total"]["display"])}</p>')
            for dimension in section.get("breakdowns", []):
                out.append(_table(dimension, t))
        out.append("</section>")
    out.append("</main></body></html>")
    return "".join(out).encode()


def _table(dimension: dict[str, Any], t: dict[str, str]) -> str:
    if dimension.get("withheld"):
        return f"<p><strong>{_e(dimension['label'])}</strong> — {_e(t['withheld'])}</p>"
    rows = "".join(
        f'<tr><th scope="row">{_e(row["label"])}</th><td class="n">{_e(row["count"]["display"])}</td></tr>'
        for row in dimension.get("rows", [])
    )
    return (
        f"<table><caption>{_e(dimension['label'])}</caption>"
        f'<thead><tr><th scope="col">{_e(dimension["label"])}</th><th scope="col" class="n">{_e(t["count"])}</th></tr>'
        f"</thead><tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">{_e(t["total"])}</th><td class="n">{_e(dimension["total"]["display"])}</td></tr>'
        "</tfoot></table>"
    )
