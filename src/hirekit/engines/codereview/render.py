"""Human-readable reports: Markdown, and self-contained HTML with evidence snippets."""

from __future__ import annotations

from html import escape

from hirekit.engines.codereview.report import Report

SNIPPET_RADIUS = 3
CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1d232a}
h1,h2{line-height:1.2}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}
.sev{font-weight:600;padding:0 .4rem;border-radius:.3rem}.high{background:#fbd5d5}
.medium{background:#fde8c8}.low{background:#e4ecf7}.info{background:#eee}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:13px}mark{background:#fff3a3}
.why{color:#555}
"""


def _model_lines(report: Report) -> list[str]:
    m = report.model
    factory = (
        f"`{m.factory.function}()` in `{m.factory.file}:{m.factory.line}`" if m.factory else "none"
    )
    return [
        f"- Apps: {', '.join(f'{a.kind} at `{a.file}:{a.line}`' for a in m.apps) or 'none found'}",
        f"- Application factory: {factory}",
        f"- Blueprints: {len(m.blueprints)} defined, {len(m.registered)} registrations",
        f"- Routes: {len(m.routes)}; error handlers: {len(m.error_handlers)}; "
        f"CLI commands: {len(m.cli_commands)}",
        f"- Extensions: {', '.join(m.extensions) or 'none'}",
        f"- Configuration from the environment: {'yes' if m.config_from_env else 'no'}",
        f"- Tests: {m.tests.files} file(s), {m.tests.framework}",
    ]


def render_markdown(report: Report) -> str:
    """The report as Markdown (model, score, findings, level reasons, questions)."""
    s = report.stats
    out = [
        f"# Code review: {report.root}",
        "",
        f"**Score {report.score}/100, level {report.level}** "
        f"({s.python_files} Python files, {s.lines} lines, {s.seconds:.2f} s)",
        "",
        "## Flask model",
        *_model_lines(report),
        "",
        "## Score by area",
        *[f"- {area.replace('_', ' ')}: {value}" for area, value in report.breakdown.items()],
        "",
        "## Findings",
    ]
    if not report.findings:
        out.append("No findings.")
    for f in report.findings:
        out.append(f"- **{f.severity}** `{f.rule}` `{f.file}:{f.line}`: {f.message}")
    out += ["", "## Why this level", *[f"- {r}" for r in report.level_reasons]]
    out += ["", "## Interview questions"]
    for i, q in enumerate(report.questions, 1):
        out.append(f"{i}. {q.question}  \n   _because {q.because}_")
    return "\n".join(out) + "\n"


def _snippet(report: Report, file: str, line: int) -> str:
    lines = report.sources.get(file)
    if not lines:
        return ""
    start = max(1, line - SNIPPET_RADIUS)
    end = min(len(lines), line + SNIPPET_RADIUS)
    rows = []
    for n in range(start, end + 1):
        text = escape(f"{n:>5}  {lines[n - 1]}")
        rows.append(f"<mark>{text}</mark>" if n == line else text)
    return "<pre>" + "\n".join(rows) + "</pre>"


def render_html(report: Report, snippets: bool = True) -> str:
    """A single self-contained HTML page: inline CSS, no scripts, no external requests."""
    e = escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Code review: {e(report.root)}</title><style>{CSS}</style></head><body>",
        f"<h1>Code review: {e(report.root)}</h1>",
        f"<p><strong>Score {report.score}/100</strong>, "
        f"level <strong>{e(report.level)}</strong></p>",
        "<h2>Flask model</h2><ul>",
        *[f"<li>{e(line[2:]).replace('`', '')}</li>" for line in _model_lines(report)],
        "</ul><h2>Score by area</h2><table>",
        *[
            f"<tr><th>{e(k.replace('_', ' '))}</th><td>{v}</td></tr>"
            for k, v in report.breakdown.items()
        ],
        "</table><h2>Findings</h2>",
    ]
    if not report.findings:
        parts.append("<p>No findings.</p>")
    for f in report.findings:
        parts.append(
            f"<section><p><span class='sev {e(f.severity)}'>{e(f.severity)}</span> "
            f"<code>{e(f.rule)}</code> <code>{e(f.file)}:{f.line}</code> {e(f.message)}</p>"
            f"<p class='why'>{e(f.why)}</p>"
        )
        if snippets:
            parts.append(_snippet(report, f.file, f.line))
        parts.append("</section>")
    parts.append("<h2>Why this level</h2><ul>")
    parts += [f"<li>{e(r)}</li>" for r in report.level_reasons]
    parts.append("</ul><h2>Interview questions</h2><ol>")
    parts += [
        f"<li>{e(q.question)}<br><small>because {e(q.because)}</small></li>"
        for q in report.questions
    ]
    parts.append("</ol></body></html>")
    return "\n".join(parts)
