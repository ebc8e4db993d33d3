"""Background work after deletions."""

from __future__ import annotations

from hirekit.queue import JobHandle, task
from hirekit.search import purge_deleted_text


@task
def purge_search_index(job: JobHandle) -> dict[str, str]:
    """Rewrite the full-text index so deleted people's words leave its pages too."""
    # No job.progress() here: it writes on a second connection, which would wait on
    # the lock this rewrite holds on SQLite.
    purge_deleted_text()
    return {"search_index": "purged"}
