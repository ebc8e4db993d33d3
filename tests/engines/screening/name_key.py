"""How a found name is compared with its label without the label holding the name.

The corpus holds real people's CVs: labels keep a short hash of the name's key,
never the name. The key ignores case, punctuation, titles and bare initials, so
"KETANKUMAR. H. GANDHI" and "Ketankumar H. Gandhi" agree.
"""

from __future__ import annotations

import hashlib
import re

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "er", "prof", "shri", "smt"}


def name_key(name: str | None) -> str:
    if not name:
        return "-"
    words = [re.sub(r"[^\w]", "", w).lower() for w in re.split(r"[\s.]+", name)]
    kept = [w for w in words if len(w) > 1 and w not in _TITLES]
    return hashlib.sha256(" ".join(kept).encode()).hexdigest()[:12]
