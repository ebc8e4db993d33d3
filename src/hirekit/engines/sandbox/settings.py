"""``HIREKIT_SANDBOX_*`` settings read into the sandbox's limits and paths."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from hirekit.engines.sandbox.limits import MB, Limits

KB = 1024

#: setting suffix -> (Limits field, unit multiplier)
_LIMITS = {
    "CPU_SECONDS": ("cpu_seconds", 1),
    "MEMORY_MB": ("memory_bytes", MB),
    "PROCESSES": ("processes", 1),
    "FILE_MB": ("file_bytes", MB),
    "OPEN_FILES": ("open_files", 1),
    "TIMEOUT_SECONDS": ("wall_seconds", 1),
    "OUTPUT_KB": ("output_bytes", KB),
    "TMPFS_MB": ("tmpfs_bytes", MB),
    "UID": ("sandbox_uid", 1),
}
PREFIX = "HIREKIT_SANDBOX_"


class SettingError(ValueError):
    """A ``HIREKIT_SANDBOX_*`` value is not usable; the message names it."""


@dataclass(frozen=True)
class Settings:
    limits: Limits
    cache_dir: Path | None
    python: str | None
    bwrap: str | None = None


def read_settings(env: Mapping[str, str]) -> Settings:
    """Limits and paths from ``env``; unset settings keep their defaults."""
    changes: dict[str, Any] = {}
    kinds = {f.name: f.type for f in fields(Limits)}
    for suffix, (name, unit) in _LIMITS.items():
        raw = env.get(PREFIX + suffix, "").strip()
        if not raw:
            continue
        try:
            number = float(raw)
        except ValueError:
            raise SettingError(f"{PREFIX}{suffix} must be a number, not {raw!r}") from None
        if number <= 0 or (suffix == "UID" and number != int(number)):
            raise SettingError(f"{PREFIX}{suffix} must be a positive number, not {raw!r}")
        value: float = number * unit
        is_int = kinds[name] in ("int", int)
        changes[name] = int(value) if is_int else value
    cache = env.get(PREFIX + "VENV_CACHE", "").strip()
    python = env.get(PREFIX + "PYTHON", "").strip()
    bwrap = env.get(PREFIX + "BWRAP", "").strip()
    return Settings(
        replace(Limits(), **changes),
        Path(cache) if cache else None,
        python or None,
        bwrap or None,
    )
