"""``hirekit review``: review a Flask project from the shell, no database needed.

The command itself lives with the other engine commands, which start without the
web app; this name keeps it beside the take-home domain it belongs to.
"""

from __future__ import annotations

from hirekit.engine_commands import review_command as review_command

__all__ = ["review_command"]
