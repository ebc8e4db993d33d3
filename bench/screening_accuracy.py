"""Accuracy of resume screening on the hand-labelled sets, under the flag spec.

Prints, for every flag, its support (resumes labelled with it), precision, recall and
F1; the fit's balanced accuracy over strong / possible / no; and false mentions_flask,
on the fictional set (tests/engines/screening/labelled) and on the real set
(tests/engines/screening/real_labelled: reworded real resumes, plus corpus files
labelled in place when HIREKIT_CORPUS_DIR, or ../shared/corpus/resumes beside the checkout, holds
the corpus). Figures and file
names only: the corpus holds real people's CVs, so no content is shown.
Usage: .venv/bin/python bench/screening_accuracy.py [--wrong]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tomllib
from pathlib import Path
from typing import Any

from hirekit.engines.guide import Guide, default_guide
from hirekit.engines.screening import Result, analyse, screen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the labelled sets and their scoring live with the tests
from tests.engines.screening.flag_scores import (  # noqa: E402
    FLAGS,
    balanced_accuracy,
    f1,
    tally,
    wrong_fits,
)

FICTIONAL = ROOT / "tests/engines/screening/labelled"
REAL = ROOT / "tests/engines/screening/real_labelled"

Labelled = dict[str, tuple[dict[str, Any], Result]]


def _cell(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.2f}"


def _labels(path: Path) -> dict[str, dict[str, Any]]:
    return tomllib.loads(path.read_text())


def fictional(guide: Guide) -> Labelled:
    return {
        name: (label, analyse((FICTIONAL / f"{name}.txt").read_text(), "rest-api", guide, name))
        for name, label in _labels(FICTIONAL / "labels.toml").items()
    }


def real(guide: Guide) -> Labelled:
    found: Labelled = {}
    for name, label in _labels(REAL / "labels.toml").items():
        text = (REAL / f"{name}.txt").read_text()
        found[name] = (label, analyse(text, "rest-api", guide, name))
    # As .ci/run does: the shared corpus beside the checkout when the variable is unset.
    beside = ROOT.parent / "shared" / "corpus" / "resumes"
    corpus = os.environ.get("HIREKIT_CORPUS_DIR") or (str(beside) if beside.is_dir() else "")
    resumes = Path(corpus) if corpus else None
    if resumes and resumes.is_dir():
        for name, label in _labels(REAL / "corpus_labels.toml").items():
            found[name] = (label, screen(resumes / name, guide=guide))
    else:
        print("(no corpus found: real set without its corpus part)")
    return found


def table(title: str, outcomes: Labelled, show_wrong: bool) -> None:
    print(f"{title}: {len(outcomes)} resumes")
    print(f"  {'flag':<24} {'support':>7} {'precision':>9} {'recall':>7} {'F1':>5}")
    flags = {n: (set(label["flags"]), r.flag_ids()) for n, (label, r) in outcomes.items()}
    for flag in FLAGS:
        counted = tally(flag, flags)
        cells = (_cell(counted.precision), _cell(counted.recall), _cell(f1(counted)))
        print(f"  {flag:<24} {counted.support:>7} {cells[0]:>9} {cells[1]:>7} {cells[2]:>5}")
        if show_wrong and counted.wrong:
            print(f"  {'':<24} wrong: {', '.join(sorted(counted.wrong))}")
    fits = {n: (str(label["fit"]), r.fit) for n, (label, r) in outcomes.items()}
    bands = "  ".join(
        f"{band} {sum(1 for lab, _ in fits.values() if lab == band)}"
        for band in ("strong", "possible", "no")
    )
    print(f"  fit balanced accuracy {_cell(balanced_accuracy(fits)).strip()}  ({bands})")
    if show_wrong:
        print(f"  {'':<24} wrong fits: {', '.join(wrong_fits(fits))}")
    false_flask = sorted(
        n for n, (label, r) in outcomes.items() if r.mentions_flask and not label["mentions_flask"]
    )
    missed_flask = sorted(
        n for n, (label, r) in outcomes.items() if label["mentions_flask"] and not r.mentions_flask
    )
    print(f"  false mentions_flask {len(false_flask)}, missed mentions_flask {len(missed_flask)}")
    if show_wrong and (false_flask or missed_flask):
        print(f"  {'':<24} false: {', '.join(false_flask)}; missed: {', '.join(missed_flask)}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the misjudged resumes")
    args = parser.parse_args()
    guide = default_guide()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    table("fictional set", fictional(guide), args.wrong)
    table("real set", real(guide), args.wrong)


if __name__ == "__main__":
    main()
