"""Start-up of the engine commands: ``--help`` and a tiny real run of each, from a fresh
empty folder, as a user starts them.

Prints, per command, the median wall time and the median CPU time (user + system)
of the child process over several runs; on a busy machine the CPU time is the
steadier figure. Also checks that no run left a file in its working folder.
``hyperfine`` is used instead when installed (``--hyperfine``).

    python bench/cli_startup.py [--runs 10] [--hyperfine]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 0.5
APP = (
    'from flask import Flask\napp = Flask(__name__)\n\n@app.get("/")\n'
    'def index():\n    return "hi"\n'
)
POST = "Senior Flask engineer. Requirements: 5+ years of Flask.\n"
RESUME = "Jane Example\njane@example.com\n\nBuilt a REST API in Flask, tested with pytest.\n"


def _hirekit() -> list[str]:
    script = Path(sys.executable).with_name("hirekit")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from hirekit.entry import main; main()"]


def _commands(inputs: Path) -> list[tuple[str, list[str]]]:
    return [
        ("review --help", ["review", "--help"]),
        ("review (1-file project)", ["review", str(inputs / "project")]),
        ("screen --help", ["screen", "--help"]),
        ("screen (1 text resume)", ["screen", str(inputs / "resume.txt"), "--format", "json"]),
        ("lint-job --help", ["lint-job", "--help"]),
        ("lint-job (1 post)", ["lint-job", str(inputs / "post.md")]),
        ("kit --help", ["kit", "--help"]),
        ("kit (rest-api, mid)", ["kit", "--use-case", "rest-api", "--level", "mid"]),
    ]


def _once(argv: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--hyperfine", action="store_true", help="measure with hyperfine")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs"
        (inputs / "project").mkdir(parents=True)
        (inputs / "project" / "app.py").write_text(APP)
        (inputs / "post.md").write_text(POST)
        (inputs / "resume.txt").write_text(RESUME)
        cwd = Path(tmp) / "empty"
        cwd.mkdir()
        base = _hirekit()
        if args.hyperfine and shutil.which("hyperfine"):
            for label, extra in _commands(inputs):
                command = " ".join([*base, *extra])
                subprocess.run(
                    [
                        "hyperfine",
                        "-N",
                        "--warmup",
                        "2",
                        "-r",
                        str(args.runs),
                        "-n",
                        label,
                        command,
                    ],
                    cwd=cwd,
                    check=True,
                )
            return 0
        print(f"engine command start-up, median of {args.runs} runs (target < {TARGET_SECONDS} s)")
        print(f"{'command':<28} {'wall s':>8} {'cpu s':>8}")
        worst = 0.0
        for label, extra in _commands(inputs):
            _once([*base, *extra], cwd)  # warm the file cache
            runs = [_once([*base, *extra], cwd) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            worst = max(worst, cpu)
            print(f"{label:<28} {wall:8.3f} {cpu:8.3f}")
        left = sorted(p.name for p in cwd.iterdir())
        print(f"files left in the working folder: {left or 'none'}")
        print(f"slowest median CPU time: {worst:.3f} s")
    return 0 if not left else 1


if __name__ == "__main__":
    sys.exit(main())
