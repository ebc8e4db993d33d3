"""Every model module, imported in one place so metadata and migrations see all tables."""

from hirekit.accounts.models import ApiToken, User
from hirekit.audit.models import AuditEntry
from hirekit.queue.models import BackgroundJob

__all__ = ["ApiToken", "AuditEntry", "BackgroundJob", "User"]
