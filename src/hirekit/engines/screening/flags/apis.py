"""api_design: built or designed APIs, not only consumed or tested them."""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.context import Context
from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding
from hirekit.engines.screening.flags.tutorial import is_tutorial
from hirekit.engines.screening.word_starts import StartScan

# A build verb, then within a few words an API noun, with no consumer/tester
# word ("tests for", "client for", "integrations with") in between.
BUILT_API = re.compile(
    r"\b(?:design(?:ed|ing)?|buil[td]|building|develop(?:ed|ing)?|implement(?:ed|ing)?|"
    r"architect(?:ed|ing)?|creat(?:ed|ing)|wr(?:ote|iting|itten)|authored|deliver(?:ed|ing)|"
    r"expos(?:ed|ing)|ship(?:ped|ping)|own(?:ed|ing)|led\s+(?:the\s+)?(?:design|development))\b"
    r"(?P<between>(?:\s+[\w/&.,()+-]+){0,8}?)\s+"
    r"(?:(?:REST(?:ful)?|JSON|HTTP|GraphQL|gRPC|public|internal|versioned)\s+)*"
    r"(?:APIs?|endpoints?|web\s+services?|microservices?|REST\s+services?)\b",
    re.IGNORECASE,
)
_CONSUMER = re.compile(
    r"\b(?:tests?|testing|test\s+cases|clients?|integrations?|integrat\w+|consum\w+|calls?|"
    r"wrappers?|scripts?\s+(?:for|against)|automation|documentation\s+for|reports?)\b",
    re.IGNORECASE,
)


# One of these (lower-cased) is in every BUILT_API match...
HINTS = ("api", "endpoint", "service")
# ...and every match begins with one of these.
BUILT_API_SCAN = StartScan(
    BUILT_API,
    ("design", "buil", "develop", "implement", "architect", "creat", "wrote", "writing",
     "authored", "deliver", "expos", "ship", "own", "led"),
)  # fmt: skip


# "Worked on REST APIs": its own pattern, as "work" starts many words a resume has.
WORKED_ON = re.compile(
    r"\bwork(?:ed|ing|s)?\s+on\s+(?:[\w/&.,()+'-]+\s+){0,5}?"
    r"(?:(?:REST(?:ful)?|JSON|HTTP|GraphQL|gRPC|public|internal)\s+)*"
    r"(?:APIs?|endpoints?|web\s+services?|microservices?)\b",
    re.IGNORECASE,
)
WORKED_ON_SCAN = StartScan(WORKED_ON, ("work",))


# Two ways of saying "I build APIs" without a build verb: the job title ("Python
# API developer"; not the "Twitter API developer account" of a data scraper),
# and a project named after its API, then described as a service ("Document
# Embedding API: a Flask microservice ...").
API_ROLE = re.compile(
    r"\bAPIs?\s+(?:developer|engineer)\b(?!\s+(?:portal|account|accounts|keys?|console|program"
    r"|platform|docs|documentation|tools?))",
    re.IGNORECASE,
)
NAMED_API = re.compile(
    r"\b(?:API|Service)\W{0,3}[:\u2013\u2014-]\W{0,3}"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:Flask|FastAPI|Django|Python|REST(?:ful)?|GraphQL|gRPC)\s+"
    r"(?:micro)?(?:services?|API|app|application|backend)\b"
)
#: How far into its sentence a project's name may end (the name comes first).
_NAME_END = 50
API_ROLE_SCAN = StartScan(API_ROLE, ("api",))
NAMED_API_SCAN = StartScan(NAMED_API, ("api", "service"))


# A skills entry that claims building APIs: "REST API - 6 months", "RESTful web
# services", "Web services: WSDL, SOAP", "API design". Not "API testing" or Postman.
# "REST" and "SOAP" in their own capitalisation ("Rest-" in exported skill rows):
# "the rest of" or "beautiful soap" are not.
SKILL_ENTRY = re.compile(
    r"\b(?:(?:REST|Rest|(?i:rest)(?=ful))(?i:ful)?(?i:[\s-]*(?:APIs?|web\s*services?|services?))?|"
    r"(?i:web\s*services?)|SOAP|WSDL|Web\s+API|DRF|(?i:GraphQL|APIs?\s+(?:development|design)|"
    r"Django\s+REST\s+framework|(?:API|REST)\s+developer))\b"
    r"(?!(?i:\s*(?:API\s+)?(?:testing|tests?|clients?|integration))\b)"
)
SKILL_HINTS = ("restful", "web service", "webservice", "graphql", "api development",
               "api design", "api developer", "rest developer", "django rest")  # fmt: skip
#: Looked for as written: "REST", "Rest-" and "SOAP", not "interest" or "soap".
SKILL_EXACT = ("REST", "Rest", "SOAP", "WSDL", "Web API", "DRF")


def detect(view: ResumeView, context: Context) -> Finding | None:
    hits: list[tuple[int, bool]] = []
    # Only the sentences holding a hint are tried: a whole-text regex scan costs more.
    for i in view.sentences_with(SKILL_HINTS, SKILL_EXACT):
        listed = context.listed(i) or context.tech_line(i)
        if view.matches(i, SKILL_ENTRY) and listed and not context.course(i):
            hits.append((i, False))
    for i in view.where(BUILT_API_SCAN, HINTS):
        # A build verb makes even a comma-heavy sentence a statement of work.
        if context.section(i) == "skills" or is_tutorial(view, i):
            continue
        match = view.matches(i, BUILT_API)
        if match is None or _CONSUMER.search(match.group("between")):
            continue
        hits.append((i, True))
    for i in view.where(WORKED_ON_SCAN, ("api", "endpoint", "service")):
        if context.section(i) == "skills" or is_tutorial(view, i):
            continue
        match = view.matches(i, WORKED_ON)
        if match is not None and not _CONSUMER.search(match.group()):
            hits.append((i, True))
    for scan in (API_ROLE_SCAN, NAMED_API_SCAN):
        pattern = scan.pattern
        for i in view.where(scan, ("api", "service")):
            text = view.sentences[i].text
            if view.in_list(i) or is_tutorial(view, i) or _CONSUMER.search(text):
                continue
            match = view.matches(i, pattern)
            if match and (pattern is API_ROLE or match.start() <= _NAME_END):
                hits.append((i, True))
    return finding("api_design", sorted(set(hits)), view)
