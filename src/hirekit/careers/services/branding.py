"""How the public careers pages look: the company's logo and accent colour.

One row, edited by an admin. The company's name comes from ``HIREKIT_COMPANY_NAME``
so that emails and pages name the same company.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from flask import current_app

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.careers.models import DEFAULT_ACCENT, CareersBranding
from hirekit.db import utcnow
from hirekit.errors import ValidationFailed
from hirekit.extensions import db

MAX_LOGO_BYTES = 256 * 1024
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# Raster formats only: an SVG logo could carry script into the public pages.
_LOGO_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


@dataclass(frozen=True)
class Brand:
    """What a public page needs to look like the company's own."""

    company: str
    accent_colour: str
    has_logo: bool
    version: str  # changes whenever the logo or colour does, for cache-busting URLs


def company_name() -> str:
    return str(current_app.config.get("COMPANY_NAME") or "hirekit")


def _row() -> CareersBranding | None:
    return db.session.get(CareersBranding, 1)


def brand() -> Brand:
    row = _row()
    colour = row.accent_colour if row else DEFAULT_ACCENT
    stamp = f"{colour}:{row.updated_at.isoformat() if row else ''}"
    return Brand(
        company=company_name(),
        accent_colour=colour,
        has_logo=bool(row and row.logo),
        version=hashlib.sha256(stamp.encode()).hexdigest()[:12],
    )


def logo() -> tuple[bytes, str] | None:
    row = _row()
    if row is None or not row.logo:
        return None
    return row.logo, row.logo_type


def logo_type_of(data: bytes) -> str:
    """The image type ``data`` really is (read from its first bytes), or ValidationFailed."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationFailed(
            "The logo is too large", details={"logo": f"at most {MAX_LOGO_BYTES // 1024} KB"}
        )
    for signature, mime in _LOGO_SIGNATURES.items():
        if data.startswith(signature):
            return mime
    raise ValidationFailed("The logo must be a PNG or JPEG image", details={"logo": "PNG or JPEG"})


def update_branding(
    *, accent_colour: str, logo_data: bytes | None, remove_logo: bool, actor: User
) -> Brand:
    """Save the colour and, when given, a new logo; both are checked before anything changes."""
    colour = accent_colour.strip()
    if not _COLOUR.fullmatch(colour):
        raise ValidationFailed(
            "The accent colour must look like #1a2b3c", details={"accent_colour": "#rrggbb"}
        )
    mime = logo_type_of(logo_data) if logo_data else None
    row = _row()
    if row is None:
        row = CareersBranding(id=1)
        db.session.add(row)
    row.accent_colour = colour.lower()
    if mime and logo_data:
        row.logo, row.logo_type = logo_data, mime
    elif remove_logo:
        row.logo, row.logo_type = None, ""
    row.updated_at = utcnow()
    db.session.flush()
    audit.record(
        "careers.branding_updated",
        actor=actor,
        subject_type="careers",
        subject_id=1,
        details={"accent_colour": row.accent_colour, "logo": bool(row.logo)},
    )
    return brand()
