"""A pytest plugin loaded into the candidate's own test run inside the sandbox.

It records which of the project's functions were called while the tests ran, so the
combined report can say which routes the candidate's own tests reach. It only runs in
the sandbox (staged there as ``hirekit_calls.py``); a profile hook sees calls only, not
lines, which keeps the slowdown small.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import Any

ROOT = "/work/project"
OUT = "/tmp/.calls.json"  # noqa: S108 (the sandbox's private tmpfs)
MAX_FUNCTIONS = 20000
_seen: dict[tuple[str, int], str] = {}


def _profile(frame: Any, event: str, _arg: Any) -> None:
    if event != "call":
        return
    code = frame.f_code
    key = (code.co_filename, code.co_firstlineno)
    if key not in _seen and len(_seen) < MAX_FUNCTIONS:
        _seen[key] = code.co_name


sys.setprofile(_profile)
threading.setprofile(_profile)


def pytest_sessionfinish(session: Any, exitstatus: Any) -> None:
    sys.setprofile(None)
    threading.setprofile(None)
    called = []
    for (filename, line), name in list(_seen.items()):
        if filename.startswith("<"):  # frozen modules, exec'd strings
            continue
        path = os.path.abspath(os.path.join(ROOT, filename))
        if path.startswith(ROOT + "/"):
            called.append([path[len(ROOT) + 1 :], line, name])
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(called, fh)
