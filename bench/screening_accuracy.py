"""Per-flag accuracy of resume screening on the hand-labelled sets.

Prints, for every flag, its support (resumes labelled with it), precision and recall
on the fictional set (tests/engines/screening/labelled) and on the real set
(tests/engines/screening/real_labelled: reworded dataset resumes plus corpus files
labelled in place). Figures and file names only: the corpus holds real people's CVs,
so no content is shown. The sets measure; they are not used to tune scoring.
Usage: .venv/bin/python bench/screening_accuracy.py [--wrong]
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path

from hirekit.engines.guide import Guide, default_guide
from hirekit.engines.screening import analyse, screen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the labelled sets and their scoring live with the tests
from tests.engines.screening.flag_scores import FLAGS, tally  # noqa: E402

FICTIONAL = ROOT / "tests/engines/screening/labelled"
REAL = ROOT / "tests/engines/screening/real_labelled"
CORPUS = Path(os.environ.get("HIREKIT_CORPUS_DIR", "") or "/nonexistent")


def _cell(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.2f}"


def _labels(path: Path) -> dict[str, set[str]]:
    return {name: set(label["flags"]) for name, label in tomllib.loads(path.read_text()).items()}


def fictional(guide: Guide) -> dict[str, tuple[set[str], set[str]]]:
    labels = _labels(FICTIONAL / "labels.toml")
    return {
        name: (
            flags,
            set(
                analyse((FICTIONAL / f"{name}.txt").read_text(), "rest-api", guide, name).flag_ids()
            ),
        )
        for name, flags in labels.items()
    }


def real(guide: Guide) -> dict[str, tuple[set[str], set[str]]]:
    found: dict[str, tuple[set[str], set[str]]] = {}
    for name, flags in _labels(REAL / "labels.toml").items():
        text = (REAL / f"{name}.txt").read_text()
        found[name] = (flags, set(analyse(text, "rest-api", guide, name).flag_ids()))
    corpus_labels = REAL / "corpus_labels.toml"
    if CORPUS.is_dir():
        for name, flags in _labels(corpus_labels).items():
            found[name] = (flags, set(screen(CORPUS / name, guide=guide).flag_ids()))
    else:
        print("(HIREKIT_CORPUS_DIR is unset or not a folder: real set without its corpus part)")
    return found


def table(title: str, outcomes: dict[str, tuple[set[str], set[str]]], show_wrong: bool) -> None:
    print(f"{title}: {len(outcomes)} resumes")
    print(f"  {'flag':<24} {'support':>7} {'precision':>9} {'recall':>7}")
    for flag in FLAGS:
        counted = tally(flag, outcomes)
        precision, recall = _cell(counted.precision), _cell(counted.recall)
        print(f"  {flag:<24} {counted.support:>7} {precision:>9} {recall:>7}")
        if show_wrong and counted.wrong:
            print(f"  {'':<24} wrong: {', '.join(sorted(counted.wrong))}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the misjudged resumes")
    args = parser.parse_args()
    guide = default_guide()
    table("fictional set", fictional(guide), args.wrong)
    table("real set", real(guide), args.wrong)


if __name__ == "__main__":
    main()
