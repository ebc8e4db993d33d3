"""Name, phone and e-mail accuracy and experience-years errors on the labelled sets.

The fictional traps (tests/engines/screening/contact_cases.py) carry every field;
the hand-labelled corpus subset (tests/engines/screening/real_labelled/
corpus_names.toml, read when HIREKIT_CORPUS_DIR is set) carries names only, as
hashes. Figures and file names only: no corpus content is printed.
Usage: .venv/bin/python bench/contacts_accuracy.py [--wrong]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tomllib
from pathlib import Path

from hirekit.engines.screening import screen
from hirekit.engines.screening.profile import read_profile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the labelled sets live with the tests
from tests.engines.screening.contact_cases import CASES, TODAY  # noqa: E402
from tests.engines.screening.name_key import name_key  # noqa: E402


def _fictional(wrong: bool) -> None:
    names = phones = emails = 0
    phone_n = email_n = years_n = 0
    year_errors: list[float] = []
    for case in CASES:
        profile = read_profile(case.text, today=TODAY, written=case.written)
        names += profile.name == case.name
        if case.phone is not None:
            phone_n += 1
            phones += profile.phone == case.phone
        if case.email is not None:
            email_n += 1
            emails += profile.email == case.email
        if case.years is not None:
            years_n += 1
            year_errors.append(abs((profile.years_experience or 0.0) - case.years))
        if wrong and profile.name != case.name:
            print(f"  fictional {case.id}: name wrong")
    print(f"fictional traps ({len(CASES)}):")
    print(f"  names {names}/{len(CASES)}, phones {phones}/{phone_n}, e-mails {emails}/{email_n}")
    print(
        f"  experience years on {years_n}: mean abs error {sum(year_errors) / years_n:.2f},"
        f" max {max(year_errors):.2f}"
    )


def _corpus(wrong: bool) -> None:
    root = os.environ.get("HIREKIT_CORPUS_DIR")
    if not root:
        print("corpus names: HIREKIT_CORPUS_DIR not set, skipped")
        return
    corpus = Path(root) / "resumes" if (Path(root) / "resumes").is_dir() else Path(root)
    labels = tomllib.loads(
        (ROOT / "tests/engines/screening/real_labelled/corpus_names.toml").read_text()
    )
    years_labels = tomllib.loads(
        (ROOT / "tests/engines/screening/real_labelled/corpus_years.toml").read_text()
    )
    errors = []
    for file, label in sorted(years_labels.items()):
        found = screen(corpus / file).years_experience
        errors.append(abs((found or 0.0) - float(label["years"])))
        if wrong and errors[-1] > 0.2:
            print(f"  corpus {file}: years off by {errors[-1]:.1f}")
    exact = sum(e <= 0.2 for e in errors)
    print(
        f"corpus experience years ({len(errors)} hand-worked files): {exact} within 0.2 y,"
        f" mean abs error {sum(errors) / len(errors):.1f} y, max {max(errors):.1f} y"
    )
    right = 0
    started = time.perf_counter()
    for file, label in sorted(labels.items()):
        ok = name_key(screen(corpus / file).candidate.name) == label["name"]
        right += ok
        if wrong and not ok:
            print(f"  corpus {file}: name wrong")
    seconds = time.perf_counter() - started
    print(
        f"corpus names (hand-labelled subset): {right}/{len(labels)} = {right / len(labels):.2f}"
        f" ({seconds:.1f} s to screen them)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="name the files read wrong")
    args = parser.parse_args()
    _fictional(args.wrong)
    _corpus(args.wrong)


if __name__ == "__main__":
    main()
