"""The body of ``hirekit kit --use-case U --level L [--format json]``, free of click."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from hirekit.engines.guide.model import Guide
from hirekit.engines.interviewkit.kit import Kit, generate_kit


def format_text(kit: Kit) -> str:
    lines = [f"Interview kit: {kit.use_case}, {kit.level}", f"Focus: {kit.focus}", ""]
    for n, q in enumerate(kit.questions, 1):
        lines += [
            f"{n}. [{q.topic}] {q.question}",
            f"   junior: {q.junior}",
            f"   senior: {q.senior}",
        ]
        if q.red_flag:
            lines.append(f"   red flag: {q.red_flag}")
        lines.append("")
    return "\n".join(lines)


def run_cli(guide: Guide, use_case: str, level: str, fmt: str, out: TextIO = sys.stdout) -> int:
    """Print the kit; exit status 0, or 2 for an unknown use case or level."""
    try:
        kit = generate_kit(guide, use_case, level)
    except ValueError as exc:
        print(f"hirekit kit: {exc}", file=sys.stderr)
        return 2
    if fmt == "json":
        out.write(json.dumps(kit.to_dict(), indent=2) + "\n")
    else:
        out.write(format_text(kit))
    return 0
