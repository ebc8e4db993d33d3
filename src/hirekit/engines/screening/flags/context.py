"""Where a sentence stands: paid work, a course, a skills row, a project's technology line.

The flag spec separates professional work (employment, client or freelance) from
coursework, training, certificates and personal projects, and described work from a
bare skills list. These helpers answer those questions for one sentence of a
:class:`ResumeView`, once per resume.
"""

from __future__ import annotations

import re
from functools import cached_property

from hirekit.engines.screening.flags.evidence import ResumeView
from hirekit.engines.screening.flags.tutorial import TUTORIAL

#: Python web frameworks: professional use of one puts a candidate at least in "possible".
PYTHON_WEB = frozenset(
    {"Flask", "Django", "Django REST framework", "FastAPI", "Pyramid", "Bottle", "Tornado",
     "aiohttp", "Quart", "web2py", "Odoo"}
)  # fmt: skip
#: Python itself and libraries only Python code uses: evidence of Python work.
PYTHON_WORK = PYTHON_WEB | {
    "Python", "pandas", "NumPy", "SciPy", "scikit-learn", "TensorFlow", "PyTorch", "Matplotlib",
    "Jupyter", "Airflow", "pytest", "SQLAlchemy", "Django ORM", "Pydantic", "Celery", "PyMongo",
    "psycopg", "Peewee", "Alembic", "PyMySQL", "Tortoise ORM",
}  # fmt: skip

# Training, certificates and study: such a sentence is never work. ("Trainee" is not
# here: a trainee engineer is employed.)
_COURSE = re.compile(
    r"\b(?:course|courses|coursework|certificat\w*|certified|certification|training|trainings|"
    r"trained|diploma|workshop|bootcamp|syllabus|academic|thesis|dissertation|"
    r"semester|capstone|final\s+project|degree\s+project|college\s+project|school\s+project|"
    r"mini[\s-]project|major\s+project|minor\s+project)\b",
    re.IGNORECASE,
)
# A client, a contract or freelancing named in the sentence makes it paid work.
_PAID = re.compile(
    r"\b(?:freelanc\w*|contract(?:or|ing)?|consultant|consulting|at\s+work|paying|"
    r"(?:for|with)\s+(?:a\s+|an\s+|the\s+|our\s+|my\s+|\w+\s+)?(?:[\w-]+\s+){0,2}?clients?\b(?!-)|"
    r"clients?(?:'s|\u2019s|\s*\d+|\s*:|\s+projects?|\s+sites?|\s+work)|"
    r"\(\s*(?:\w+\s+)?clients?\s*\)|SaaS|(?:paying|real|enterprise)\s+(?:customers|clients))",
    re.IGNORECASE,
)
# "description - ..." rows of a "company - X" block (a common exported-CV layout).
_COMPANY_ROW = re.compile(r"^company\s*-\s*(?P<name>.*)$", re.IGNORECASE | re.MULTILINE)
_NOT_EMPLOYED = re.compile(r"\b(?:fresher|student|none|n/?a|self[\s-]study)\b", re.IGNORECASE)
# "Python - Experience - 24 months": a skill row with its duration.
SKILL_ROW = re.compile(r"^[\w .+#/&()'-]{1,60}?-\s*Ex\w{0,3}rience\s*-", re.IGNORECASE)
# "Technologies: Python, Flask" or "Database used: MySQL" describing one project.
TECH_LINE = re.compile(
    r"^[\W_]{0,4}(?:\w+\s+){0,3}?(?:technolog(?:y|ies)(?:\s+used)?|tools\s*(?:&|and)\s*"
    r"technologies|(?:technical\s+)?environment|tech(?:nology)?\s+stack|stack|built\s+with|"
    r"databases?\s+used|db\s+used|platform\s+used|back[\s-]?end|front[\s-]?end)\s*[:\-\u2013]",
    re.IGNORECASE,
)
# A summary claim of professional experience: "4 years of professional experience".
_YEARS = re.compile(
    r"\b(?:\d+(?:\.\d+)?\+?\s*(?:years?|yrs)|professional\s+(?:experience|work))\b", re.IGNORECASE
)
# Statements about the candidate's own work, which a list-like sentence may still make.
_PROSE = re.compile(
    r"\b(?:I|we|my|our|built|build|builds|developed|develop|designed|used|using|relied|wrote|"
    r"writing|written|took|owned|"
    r"created|implemented|worked|working|maintain\w*|deployed|made|uses)\b",
    re.IGNORECASE,
)
# Words of work done with a framework: "built a blog with Flask", "a Flask API".
_WORK = re.compile(
    r"\b(?:buil[dt]\w*|develop(?:ed|ing|s)?|design(?:ed|ing|s)?|us(?:ed|es|ing|e)|relied|"
    r"wr(?:ote|itten|iting)|creat(?:ed|ing|es)|implement\w*|work(?:ed|ing|s)?\s+(?:on|with)|"
    r"maintain\w*|deploy\w*|made|follow(?:ed|ing)|rework\w*|migrat\w*|rewr\w+|ship\w*|"
    r"apps?|applications?|projects?|services?|microservices?|APIs?|sites?|"
    r"websites?|dashboards?|portals?|endpoints?|blogs?)\b",
    re.IGNORECASE,
)
_WORK_REACH = 50
_PYTHON_ROLE = re.compile(
    r"\bpython\s+(?:[\w/-]+\s+){0,2}?(?:developer|engineer|programmer)\b", re.IGNORECASE
)
# A job's header line: a role and a range of years ("Backend Engineer, Acme, 2019 - Present").
_DATE_RANGE = re.compile(
    r"\b(?:19|20)\d\d\s*(?:-|\u2013|\u2014|to)\s*(?:(?:19|20)\d\d|present|current|now|"
    r"till\s+date|today)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:developer|engineer|programmer|intern|analyst|consultant|architect|lead|manager|"
    r"administrator|scientist|freelancer|specialist|tester|designer)\b",
    re.IGNORECASE,
)
#: How many sentences under a job line still describe that job.
_JOB_REACH = 6
_FRAMEWORK_ROLE = re.compile(
    r"\b(?:Flask|Django|FastAPI|Pyramid)\b[\w\s/,&-]{0,30}?\b(?:developer|engineer)\b",
    re.IGNORECASE,
)
_WEB_WORK = re.compile(
    r"\b(?:web\s*(?:sites?|apps?|applications?|development|developer|services?|portals?|pages?)|"
    r"websites?|back-?end|full[\s-]?stack|REST(?:ful)?|APIs?|endpoints?|microservices?|"
    r"webmasters?|online\s+(?:stores?|shops?)|e-?commerce\s+(?:sites?|platforms?|stores?)|"
    # Russian: "веб-приложения" (web applications), "бэкенд" (backend).
    r"веб-\w+|бэкенд\w*)\b",
    re.IGNORECASE,
)


class Context:
    """Per-sentence answers for one resume (computed lazily, cached)."""

    def __init__(self, view: ResumeView) -> None:
        self.view = view
        self._course: dict[int, bool] = {}
        self._jobs: dict[int, bool] = {}

    @cached_property
    def _company_blocks(self) -> list[tuple[int, int, bool]]:
        """(start, end, employed) for each "company - X" block of the text."""
        assert self.view.lowered is not None
        if "company" not in self.view.lowered:
            return []
        rows = list(_COMPANY_ROW.finditer(self.view.text))
        blocks = []
        for n, row in enumerate(rows):
            end = rows[n + 1].start() if n + 1 < len(rows) else len(self.view.text)
            name = row.group("name").strip()
            blocks.append((row.start(), end, not _NOT_EMPLOYED.fullmatch(name or "none")))
        return blocks

    def section(self, index: int) -> str | None:
        """The sentence's section; a "company - X" block is experience (its heading is
        often glued to the line before, "...monthsCompany Details", and not seen)."""
        at = self.view.sentences[index].start
        for start, end, employed in self._company_blocks:
            if start <= at < end:
                return "experience" if employed else "other"
        return self.view.section(index)

    def employment(self, index: int) -> bool:
        """Sentence ``index`` sits in a job: an experience section, a company block, or,
        outside any known section, just under a job line ("Developer, Acme, 2019 - 2023")."""
        if self.skill_row(index):
            return False
        section = self.section(index)
        if section == "experience":
            return True
        if section is not None:
            return False
        return any(
            self._job_line(j)
            for j in range(index, max(index - _JOB_REACH, -1), -1)
            if self.view.section(j) is None
        )

    def _job_line(self, index: int) -> bool:
        if index not in self._jobs:
            text = self.view.sentences[index].text
            self._jobs[index] = bool(
                len(text) < 160 and _DATE_RANGE.search(text) and _ROLE.search(text)
            )
        return self._jobs[index]

    def course(self, index: int) -> bool:
        """A course, training, certificate or study project, or a tutorial, is named here
        (or on the line this one continues, such as "(Selenium, QTP)" after a course)."""
        if index not in self._course:
            text = self.view.sentences[index].text
            # The tutorial words are tried on this sentence alone: scanning the whole
            # text for them costs more than the few sentences asked about.
            found = bool(_COURSE.search(text) or TUTORIAL.search(text))
            continues = text[:1] in ("(", ",", ";") or text[:1].islower()
            if not found and index and continues:
                found = bool(_COURSE.search(self.view.sentences[index - 1].text))
            self._course[index] = found
        return self._course[index]

    def paid(self, index: int) -> bool:
        """Professional: in a job, or naming a client, contract or freelancing."""
        if self.course(index):
            return False
        return self.employment(index) or bool(_PAID.search(self.view.sentences[index].text))

    def skill_row(self, index: int) -> bool:
        return bool(SKILL_ROW.match(self.view.sentences[index].text))

    def listed(self, index: int) -> bool:
        """Only a list of skills: the skills section, a skill row, or a comma list that
        makes no statement about work."""
        if self.section(index) == "skills" or self.skill_row(index):
            return True
        if not self.view.in_list(index):
            return False
        return not _PROSE.search(self.view.sentences[index].text)

    def tech_line(self, index: int) -> bool:
        """A project's "Technologies:" / "Database used:" line (not the skills section)."""
        if self.section(index) in ("skills", "education"):
            return False
        return bool(TECH_LINE.match(self.view.sentences[index].text))

    def described(self, index: int) -> bool:
        """Flask work described, not only listed or professed: a job's line, a project's
        technology line, or words of work next to the Flask mention."""
        if self.section(index) == "skills" or self.skill_row(index):
            return False
        if self.employment(index) or self.tech_line(index):
            return True
        sentence = self.view.sentences[index]
        for hit in self.view.skills[index]:
            if hit.name != "Flask" and hit.category != "flask-extension":
                continue
            at = hit.start - sentence.start
            # Mostly before the mention ("built a blog with Flask"); just after it
            # only the thing made ("Flask API").
            window = sentence.text[max(0, at - _WORK_REACH) : at + 20]
            if _WORK.search(window):
                return True
        return False

    def claims_any(self, index: int, names: frozenset[str] | set[str]) -> bool:
        return any(self.view.claimed(index, name=name) for name in names)

    def summary_claim(self, index: int) -> bool:
        """A summary of professional work: years or "professional experience" stated."""
        text = self.view.sentences[index].text
        return bool(_YEARS.search(text)) and not self.course(index) and not self.listed(index)

    def framework_role(self, index: int) -> bool:
        """Sentence ``index`` claims a developer or engineer role with a web framework."""
        return not self.course(index) and self.view.matches(index, _FRAMEWORK_ROLE) is not None

    @cached_property
    def python_role(self) -> bool:
        """The resume names a Python developer/engineer role (not only wished for)."""
        if self.fresher:
            return False
        return any(
            self.view.matches(i, _PYTHON_ROLE) is not None
            for i in self.view.sentences_with(("python",))
        )

    @cached_property
    def fresher(self) -> bool:
        blocks = self._company_blocks
        return bool(blocks) and not any(employed for _, _, employed in blocks)

    def web_work(self, index: int) -> bool:
        return bool(_WEB_WORK.search(self.view.sentences[index].text))
