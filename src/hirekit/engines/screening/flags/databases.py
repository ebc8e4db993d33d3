"""database_integration: a database inside an application they built, or a named ORM/driver."""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.context import Context
from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding
from hirekit.engines.screening.flags.negation import negated

_LIBRARY = ("orm", "database-driver")
_APP_WORK = re.compile(
    r"\b(?:buil[td]|develop(?:ed|ing|ment)?|design(?:ed|ing)?|handl(?:ed|ing)|using|stor(?:ed|es|ing)|"
    r"sav(?:ed|es|ing)|quer(?:y|ies|ied)|CRUD|used\s+(?:as|for)|integrat(?:ed|ing|es)|implement(?:ed|ing)?|creat(?:ed|ing)|shipp(?:ed|ing)|"
    r"modell?(?:ed|ing)|migrat(?:ed|ions?)|schemas?|models?|backed\s+by|persist\w*|"
    r"transactions?|indexes|indexing|optimi[sz]\w+|tun(?:ed|ing)|"
    # Russian: made, developed, implemented, refactored, used.
    r"сделал\w*|разработ\w+|реализ\w+|рефактор\w+|использ\w+)\b",
    re.IGNORECASE,
)
_APPLICATION = re.compile(
    r"\b(?:app|apps|application|applications|service|services|api|apis|backend|back[\s-]end|"
    r"platform|system|website|web\s+app|microservices?|endpoints?|software|modules?|"
    r"project|projects|products?|features?|connectivity|object[\s-]relational\s+mapping|ORM|"
    r"tables?|routes?|data\s+storage|(?:online\s+)?(?:stores?|shops?)|portals?|dashboards?|CRM|"
    # Russian: module, application, service, system.
    r"модул\w*|приложени\w*|сервис\w*|систем\w*)\b",
    re.IGNORECASE,
)


# Administering, loading or reporting on a database is not building an application on it.
_NOT_APPLICATION = re.compile(
    r"\b(?:backups?|replication|restore|DBA|database\s+administrat\w+|ETL|warehouse|"
    r"Informatica|Talend|DataStage|SSIS|SQL\s+reports?|reporting\s+(?:tool|queries|database)|"
    r"(?:for|behind)\s+(?:a\s+|the\s+)?report\w*\s+tools?)\b",
    re.IGNORECASE,
)


def detect(view: ResumeView, context: Context) -> Finding | None:
    hits: list[tuple[int, bool]] = []
    for i in view.with_skills:
        # A list-like sentence still describes work when it says so ("Worked with MySQL,
        # PostgreSQL and MongoDB to build ...").
        prose = not context.listed(i) if view.in_list(i) else True
        orm = any(view.claimed(i, category=c) for c in _LIBRARY) or view.claimed(
            i, name="Flask-SQLAlchemy"
        )
        if orm:
            hits.append((i, prose))
        elif not view.claimed(i, category="database"):
            continue
        elif (
            context.tech_line(i)
            and (context.paid(i) or context.section(i) == "projects")
            and not _NOT_APPLICATION.search(view.sentences[i].text)
        ):
            # "Database used: MySQL" or a project's technology line names its database.
            hits.append((i, False))
        elif (
            prose
            and _in_application(view, i)
            and not _NOT_APPLICATION.search(view.sentences[i].text)
        ):
            hits.append((i, True))
    return finding("database_integration", hits, view)


#: How far (characters, either side) the building and the application may sit
#: from the database's name.
_REACH = 100


def _in_application(view: ResumeView, index: int) -> bool:
    """A database named close to words of building an application, not merely in the same
    sentence: text extracted without line breaks can make a whole resume one "sentence",
    where "Control System Design" and "MySQL-Basics" meet without belonging together."""
    sentence = view.sentences[index]
    for hit in view.skills[index]:
        if hit.category != "database" or not view.claims(index, hit):
            continue
        at = hit.start - sentence.start
        low = max(0, at - _REACH)
        window = sentence.text[low : at + _REACH]
        if _near(window, _APP_WORK) and _near(window, _APPLICATION):
            return True
    return False


def _near(window: str, pattern: re.Pattern[str]) -> bool:
    return any(not negated(window, m.start()) for m in pattern.finditer(window))
