"""JSON Resume (jsonresume.org schema) rendered as a plain-text CV."""

from __future__ import annotations

import json
from typing import Any

from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits


def read(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    if not isinstance(doc, dict):
        raise ExtractionFailed("unreadable", "not a JSON Resume object")
    lines = _basics(_obj(doc.get("basics")))
    lines += _section("Experience", doc.get("work"), _work)
    lines += _section("Projects", doc.get("projects"), _work)
    lines += _section("Skills", doc.get("skills"), _skill)
    lines += _section("Education", doc.get("education"), _education)
    return ReadResult("\n".join(lines))


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _basics(basics: dict[str, Any]) -> list[str]:
    lines = [_str(basics.get(k)) for k in ("name", "label", "email", "phone", "url")]
    for profile in basics.get("profiles") or []:
        lines.append(_str(_obj(profile).get("url")))
    if summary := _str(basics.get("summary")):
        lines += ["", "Summary", summary]
    return [line for line in lines if line or line == ""]


def _section(title: str, items: Any, render: Any) -> list[str]:
    if not isinstance(items, list) or not items:
        return []
    lines = ["", title]
    for item in items:
        lines += render(_obj(item))
    return lines


def _dates(item: dict[str, Any]) -> str:
    start, end = _str(item.get("startDate")), _str(item.get("endDate")) or "Present"
    return f"{start} - {end}" if start else ""


def _work(item: dict[str, Any]) -> list[str]:
    role = _str(item.get("position")) or _str(item.get("name"))
    org = _str(item.get("name")) if item.get("position") else ""
    head = ", ".join(p for p in (role, org, _dates(item)) if p)
    lines = [head, _str(item.get("summary")) or _str(item.get("description"))]
    lines += [f"- {_str(h)}" for h in item.get("highlights") or [] if _str(h)]
    return [line for line in lines if line]


def _skill(item: dict[str, Any]) -> list[str]:
    words = [_str(k) for k in item.get("keywords") or [] if _str(k)]
    name = _str(item.get("name"))
    return [f"{name}: {', '.join(words)}" if words else name]


def _education(item: dict[str, Any]) -> list[str]:
    study = " ".join(p for p in (_str(item.get("studyType")), _str(item.get("area"))) if p)
    return [", ".join(p for p in (_str(item.get("institution")), study, _dates(item)) if p)]
