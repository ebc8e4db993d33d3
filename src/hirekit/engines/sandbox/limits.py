"""What one sandboxed run may use; every bound is configurable (HIREKIT_SANDBOX_* in the app)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MB = 1024 * 1024

#: First of the host uids a sandbox runs as when the runner itself is root: a uid of its
#: own per run makes RLIMIT_NPROC (counted per real uid) a limit on that run alone.
DEFAULT_SANDBOX_UID = 60917


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one pytest run inside the sandbox (each suite gets its own)."""

    cpu_seconds: int = 60
    memory_bytes: int = 1024 * MB
    processes: int = 64
    file_bytes: int = 64 * MB
    open_files: int = 256
    wall_seconds: float = 120.0
    output_bytes: int = 256 * 1024
    tmpfs_bytes: int = 256 * MB
    sandbox_uid: int = DEFAULT_SANDBOX_UID

    def to_dict(self) -> dict[str, int | float]:
        return {k: v for k, v in asdict(self).items() if k != "sandbox_uid"}
