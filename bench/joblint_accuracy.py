"""Per-rule precision and recall of the job-post check on the labelled posts.

Reads the real posts (tests/engines/joblint/real_posts, reworded, labelled by
reading them against the rule definitions) and the written ones
(tests/engines/joblint/posts), runs the check and prints, per rule, support,
precision and recall on each set and on both. The sets measure; they are not
used to tune the rules.
Usage: .venv/bin/python bench/joblint_accuracy.py [--wrong]
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path
from typing import Any

from hirekit.engines.joblint import lint_job

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "real": ROOT / "tests/engines/joblint/real_posts",
    "written": ROOT / "tests/engines/joblint/posts",
}
FORM_FIELDS = ("title", "level", "salary_min", "salary_max", "currency", "use_case")


def _results(folder: Path) -> dict[str, tuple[set[str], set[str]]]:
    expected: dict[str, dict[str, Any]] = tomllib.loads((folder / "expected.toml").read_text())
    found = {}
    for name, entry in expected.items():
        text = (folder / f"{entry.get('post', name)}.txt").read_text("utf-8")
        form = {k: entry[k] for k in FORM_FIELDS if k in entry}
        found[name] = (set(entry["rules"]), set(lint_job(text, **form).rules))
    return found


def _cell(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def _scores(results: dict[str, tuple[set[str], set[str]]], rule: str) -> tuple[int, str, str]:
    tp = sum(rule in want and rule in got for want, got in results.values())
    fp = sum(rule not in want and rule in got for want, got in results.values())
    fn = sum(rule in want and rule not in got for want, got in results.values())
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return tp + fn, _cell(precision), _cell(recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the posts each rule gets wrong")
    args = parser.parse_args()
    per_set = {label: _results(folder) for label, folder in SETS.items()}
    both = {f"{label}/{n}": r for label, results in per_set.items() for n, r in results.items()}
    rules = sorted({r for want, got in both.values() for r in want | got})
    print(f"posts: real {len(per_set['real'])}, written {len(per_set['written'])}")
    print(f"{'rule':30} {'n':>3} {'P real':>6} {'R real':>6} {'n':>3} {'P all':>6} {'R all':>6}")
    for rule in rules:
        n_real, p_real, r_real = _scores(per_set["real"], rule)
        n_all, p_all, r_all = _scores(both, rule)
        print(f"{rule:30} {n_real:>3} {p_real:>6} {r_real:>6} {n_all:>3} {p_all:>6} {r_all:>6}")
    for label, results in (("real", per_set["real"]), ("all", both)):
        tp = sum(len(w & g) for w, g in results.values())
        fp = sum(len(g - w) for w, g in results.values())
        fn = sum(len(w - g) for w, g in results.values())
        print(f"overall {label}: precision {tp / (tp + fp):.2f}, recall {tp / (tp + fn):.2f}")
    if args.wrong:
        for name, (want, got) in sorted(both.items()):
            if want != got:
                print(f"{name}: missed {sorted(want - got)}, extra {sorted(got - want)}")


if __name__ == "__main__":
    main()
