"""The job queue boundary: enqueue a task by function reference, watch its status.

Embedded default: a job table plus an in-process worker thread, so queued work
survives a restart. With ``HIREKIT_REDIS_URL`` set, jobs are pushed to RQ and
``hirekit worker`` processes run them. Either way the job row in the database
is the one record of status, attempts, progress and errors.
"""

from hirekit.queue.enqueue import enqueue, get_job, task
from hirekit.queue.handle import JobHandle
from hirekit.queue.models import BackgroundJob, JobStatus

__all__ = ["BackgroundJob", "JobHandle", "JobStatus", "enqueue", "get_job", "task"]
