"""The certificate as a one-page PDF (fpdf2), with a QR code (segno) of its public verification URL."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

import segno
from fpdf import FPDF

from common.i18n import pick
from enrollment.certificate.models import Certificate
from enrollment.certificate.service import display_code, verification_url
from enrollment.timeutil import aware_or_none

TEXTS = {
    "fr": {
        "academy": "Académie Africaine des Collectivités Territoriales (ALGA) - CGLU Afrique",
        "title": "Certificat",
        "certifies": "atteste que",
        "completed": "a suivi avec succès",
        "session": "Session",
        "dates": "du {start} au {end}",
        "issued": "Délivré le {date}",
        "verify": "Vérifier ce certificat : {url}",
        "code": "Code de vérification : {code}",
        "revoked": "CERTIFICAT RÉVOQUÉ",
    },
    "en": {
        "academy": "African Local Governments Academy (ALGA) - UCLG Africa",
        "title": "Certificate",
        "certifies": "certifies that",
        "completed": "has successfully completed",
        "session": "Session",
        "dates": "from {start} to {end}",
        "issued": "Issued on {date}",
        "verify": "Verify this certificate: {url}",
        "code": "Verification code: {code}",
        "revoked": "CERTIFICATE REVOKED",
    },
}
_PUNCTUATION = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)


def latin1(text: str) -> str:
    """The built-in PDF fonts cover Latin-1: keep accents, approximate the rest."""
    text = text.translate(_PUNCTUATION)
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)


def _day(value: datetime | None) -> str:
    value = aware_or_none(value)
    return value.strftime("%d/%m/%Y") if value else "-"


def render(certificate: Certificate, *, public_url: str, language: str | None = None) -> bytes:
    lang = language if language in TEXTS else (certificate.language if certificate.language in TEXTS else "fr")
    t = TEXTS[lang]
    url = verification_url(public_url, certificate.code)
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(latin1(f"{t['title']} {display_code(certificate.code)}"))
    pdf.set_author("ALGA Campus")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(20, 90, 60)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)

    def line(text: str, size: float, style: str = "", height: float = 10) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(20)
        pdf.multi_cell(257, height, latin1(text), align="C", new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(22)
    line(t["academy"], 12)
    pdf.ln(4)
    line(t["title"], 34, "B", 16)
    pdf.ln(4)
    line(t["certifies"], 14)
    line(certificate.holder_name, 26, "B", 14)
    line(t["completed"], 14)
    programme = pick(certificate.programme_title, lang)
    session_title = pick(certificate.session_title, lang)
    if programme:
        line(programme, 18, "B", 10)
    if session_title and session_title != programme:
        line(f"{t['session']}: {session_title}", 13, "", 8)
    line(t["dates"].format(start=_day(certificate.session_starts_at), end=_day(certificate.session_ends_at)), 12, "", 8)
    line(t["issued"].format(date=certificate.completed_on.strftime("%d/%m/%Y")), 11, "", 8)
    if certificate.status == "revoked":
        pdf.set_text_color(180, 0, 0)
        line(t["revoked"], 20, "B", 12)
        pdf.set_text_color(0, 0, 0)

    qr = io.BytesIO()
    segno.make(url, error="m").save(qr, kind="png", scale=8, border=2)
    qr.seek(0)
    pdf.image(qr, x=237, y=150, w=40, h=40)
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(20, 178)
    pdf.cell(210, 5, latin1(t["code"].format(code=display_code(certificate.code))), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.cell(210, 5, latin1(t["verify"].format(url=url)))
    return bytes(pdf.output())
