"""The sandbox engine's limits and paths, from the app's configuration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirekit.engines.sandbox.settings import PREFIX, Settings, read_settings

#: Configuration keys the engine reads as ``HIREKIT_SANDBOX_<suffix>``.
SUFFIXES = (
    "TIMEOUT_SECONDS",
    "CPU_SECONDS",
    "MEMORY_MB",
    "PROCESSES",
    "FILE_MB",
    "OPEN_FILES",
    "TMPFS_MB",
    "OUTPUT_KB",
    "UID",
    "VENV_CACHE",
    "PYTHON",
    "BWRAP",
)


def sandbox_settings(config: Mapping[str, Any]) -> Settings:
    """The same settings the CLI reads from the environment, checked once at start here."""
    values = {
        PREFIX + suffix: str(config[f"SANDBOX_{suffix}"])
        for suffix in SUFFIXES
        if config.get(f"SANDBOX_{suffix}") is not None
    }
    return read_settings(values)
