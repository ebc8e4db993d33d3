"""What kind of role a post is for, read conservatively from its title and body.

The "missing expectation" rules only make sense for Flask / Python web
developer roles; a data-engineering or Django post is judged by other rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hirekit.engines.joblint.text import Document
from hirekit.engines.joblint.vocabulary import PYTHON_WEB_FRAMEWORKS, any_word

_FLASK = re.compile(r"\bflask\b", re.IGNORECASE)
_DJANGO = re.compile(r"\bdjango\b", re.IGNORECASE)
_PYTHON = re.compile(r"\bpython\b", re.IGNORECASE)
_DEVELOPER = re.compile(
    r"\b(?:developers?|engineers?|programmers?|devs?|swe|software|back-?end|full-?stack"
    # Portuguese, Spanish, German, French
    r"|desenvolvedor(?:a|es)?|desarrollador(?:a|es)?|programador(?:a|es)?|engenheir[oa]s?"
    r"|ingenier[oa]s?|entwickler(?:in)?|d[ée]veloppeu(?:r|se)s?"
    # Russian / Ukrainian
    r"|разработчи\w*|розробни\w*|программист\w*|програміст\w*|инженер\w*)\b",
    re.IGNORECASE,
)
_WEB = re.compile(
    r"\b(?:web|apis?|back-?end|full-?stack|rest(?:ful)?|http|microservices?|saas|endpoints?)\b",
    re.IGNORECASE,
)
_DATA_TITLE = re.compile(
    r"\b(?:data|machine learning|ml|mlops|ai|analytics|analyst|scientist|bi|etl|quant"
    r"|dados|datos|daten|donn[ée]es)\b",
    re.IGNORECASE,
)
_SENIOR_TITLE = re.compile(r"\b(?:s[êe]nior|sr\.?)(?!\w)", re.IGNORECASE)
# Other Python web frameworks: a sentence naming one of them next to Flask
# ("FastAPI, Flask, or Django", "Django (core), FastAPI, Flask") offers Flask as
# one option or one of several, which does not make the job a Flask role.
_OTHER_PY_FRAMEWORK = any_word([f for f in PYTHON_WEB_FRAMEWORKS if f != "Flask"])
_PY_FRAMEWORK = any_word(list(PYTHON_WEB_FRAMEWORKS))


@dataclass(frozen=True)
class RoleProfile:
    is_flask: bool  # a Flask role: Flask named as the framework, and the title is not about Django
    is_python_web: bool  # a Python web / backend developer role (Flask, Django or plain)
    is_django_title: bool
    is_data_title: bool
    title_level: str | None  # "senior" when the title says so

    @property
    def judges_missing(self) -> bool:
        """Whether rules about what the post leaves out may speak: on any Python web
        role, however short the post (a short post is still checked for what it
        lacks)."""
        return self.is_python_web


def _flask_is_the_framework(doc: Document) -> bool:
    """Flask in the title, or in a sentence that names no other Python web framework."""
    if _FLASK.search(doc.title):
        return True
    return any(
        _FLASK.search(s.text) and not _OTHER_PY_FRAMEWORK.search(s.text) for s in doc.segments
    )


def profile_role(doc: Document) -> RoleProfile:
    """Classify ``doc``; when unsure, answer in the direction that raises fewer issues."""
    title = doc.title
    django_title = bool(_DJANGO.search(title)) and not _FLASK.search(title)
    data_title = bool(_DATA_TITLE.search(title))
    is_flask = _flask_is_the_framework(doc) and not django_title and not data_title
    # The title may be a field of its own, outside the text.
    whole = f"{title}\n{doc.text}"
    developer = bool(_DEVELOPER.search(whole))
    python_web = (
        not data_title
        and developer
        and (
            is_flask
            # a Python web framework named is web work even without the word "web"
            or (
                bool(_PYTHON.search(whole))
                and bool(_WEB.search(whole) or _PY_FRAMEWORK.search(whole))
            )
        )
    )
    return RoleProfile(
        is_flask=is_flask,
        is_python_web=python_web,
        is_django_title=django_title,
        is_data_title=data_title,
        title_level="senior" if _SENIOR_TITLE.search(title) else None,
    )
