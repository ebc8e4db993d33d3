"""The review's security findings against bandit's, on the labelled real projects.

Both tools run on the same projects of the review corpus (tests/corpus); each
finding is judged against the labels written by reading the projects' code
(``SECURITY_LABELS`` in tests/corpus/test_codereview_corpus.py): true when a
label of the same family names the same file and line, false otherwise. Printed
per overlapping family (debug, secrets, SQL, Jinja/Markup, deserialisation):
true and false findings, precision and recall for each tool. Test files are
left out of bandit's results, as the review skips them.

    python bench/review_vs_bandit.py
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hirekit.engines.codereview import review  # noqa: E402
from hirekit.engines.codereview.sources import is_test_path  # noqa: E402

#: family -> (review rules, bandit test ids)
FAMILIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "debug": (frozenset({"debug-run"}), frozenset({"B201"})),
    "secrets": (frozenset({"hardcoded-secret"}), frozenset({"B105", "B106", "B107"})),
    "SQL": (frozenset({"sql-string-format"}), frozenset({"B608"})),
    "Jinja/Markup": (
        frozenset({"template-injection", "unsafe-markup"}),
        frozenset({"B701", "B702", "B703", "B704"}),
    ),
    "deserialisation": (
        frozenset({"unsafe-deserialize"}),
        frozenset({"B301", "B302", "B506"}),
    ),
}


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _family_of_rule(rule: str) -> str | None:
    return next((f for f, (rules, _ids) in FAMILIES.items() if rule in rules), None)


def _family_of_test(test_id: str) -> str | None:
    return next((f for f, (_rules, ids) in FAMILIES.items() if test_id in ids), None)


def _bandit(folder: Path) -> list[tuple[str, str, int]]:
    run = subprocess.run(
        [sys.executable, "-m", "bandit", "-r", "-q", "-f", "json", str(folder)],
        capture_output=True,
        text=True,
    )
    found = []
    for issue in json.loads(run.stdout or "{}").get("results", []):
        family = _family_of_test(issue["test_id"])
        rel = PurePosixPath(Path(issue["filename"]).relative_to(folder).as_posix())
        if family and not is_test_path(rel):
            found.append((family, str(rel), int(issue["line_number"])))
    return found


def _review(folder: Path) -> list[tuple[str, str, int]]:
    report = review(folder)
    return [
        (family, f.file, f.line)
        for f in report.findings
        if (family := _family_of_rule(f.rule)) is not None
    ]


def main() -> int:
    fetch = _load("fetch", ROOT / "bench" / "fetch_flask_corpus.py")
    corpus = _load("corpus", ROOT / "tests" / "corpus" / "test_codereview_corpus.py")
    labels: dict[str, set[tuple[str, str, int]]] = corpus.SECURITY_LABELS
    counts: dict[str, Counter[str]] = {tool: Counter() for tool in ("hirekit", "bandit")}
    with tempfile.TemporaryDirectory() as tmp:
        for archive in fetch.fetch():
            with tarfile.open(archive) as tf:
                tf.extractall(tmp, filter="data")
        for folder, wanted in sorted(labels.items()):
            truth = {(_family_of_rule(rule), file, line) for rule, file, line in wanted}
            for tool, found in (
                ("hirekit", _review(Path(tmp) / folder)),
                ("bandit", _bandit(Path(tmp) / folder)),
            ):
                hits = set(found)
                for family, _file, _line in hits:
                    counts[tool][
                        f"{family}:{'tp' if (family, _file, _line) in truth else 'fp'}"
                    ] += 1
                for family, file, line in truth:
                    if (family, file, line) not in hits:
                        counts[tool][f"{family}:fn"] += 1
    print(f"security findings on {len(labels)} labelled real projects: {', '.join(sorted(labels))}")
    head = ("family", "tool", "true", "false", "missed", "precision", "recall")
    print("{:<17} {:<8} {:>5} {:>6} {:>7} {:>10} {:>7}".format(*head))
    for family in FAMILIES:
        for tool in ("hirekit", "bandit"):
            tp, fp, fn = (counts[tool][f"{family}:{k}"] for k in ("tp", "fp", "fn"))
            precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
            recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
            print(f"{family:<17} {tool:<8} {tp:>5} {fp:>6} {fn:>7} {precision:>10} {recall:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
