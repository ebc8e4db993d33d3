"""What one file contributes to the review, as plain picklable values.

Files are analysed independently (possibly in worker processes); the project
model is then assembled from these facts without touching the syntax trees again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("high", "medium", "low", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str  # one of SEVERITIES
    file: str
    line: int
    message: str
    why: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Ctor:
    """A call that may instantiate a class: ``target = Callee(name_arg, ...)``."""

    callee: str  # dotted, as written in the file
    line: int
    func: str | None  # qualified name of the enclosing function, None at module level
    target: str | None
    name_arg: str | None
    returned: bool


@dataclass(frozen=True, slots=True)
class MethodUse:
    """``receiver.attr(...)`` used as a decorator or a call (routes, handlers, config...)."""

    receiver: str
    attr: str
    line: int
    func: str | None
    decorator: bool
    rule: str | None = None
    methods: tuple[str, ...] | None = None
    endpoint: str | None = None
    view: str | None = None  # decorated function, or the view_func name
    view_class: str | None = None  # ``Cls`` of ``view_func=Cls.as_view("name")``
    view_name: str | None = None  # ``"name"`` of ``as_view("name")``
    target: str | None = None  # ``ns`` of ``ns = api.namespace("todos")``


#: A URL rule or view name as a helper function builds it: ("text", "/users/"),
#: ("param", "name") for a parameter's value, ("each", "routes") for every item
#: of a list parameter the helper loops over.
TemplatePart = tuple[str, str]


@dataclass(frozen=True, slots=True)
class RouteTemplate:
    """``param.add_url_rule(rule, ...)`` inside a helper: a route each caller registers."""

    func: str  # the helper's qualified name
    params: tuple[str, ...]  # its positional parameters, in order, then keyword-only ones
    receiver: str  # the parameter that holds the app or blueprint
    rule: tuple[TemplatePart, ...]
    endpoint: tuple[TemplatePart, ...] | None
    methods: tuple[str, ...] | None
    line: int
    view: str | None = None  # the parameter passed on as ``view_func``


@dataclass(frozen=True, slots=True)
class ArgValue:
    """What a call passes: a string, a list of strings, a name, or ``Cls.as_view("x")``."""

    text: str | None = None
    texts: tuple[str, ...] | None = None
    name: str | None = None
    view_name: str | None = None
    view_class: str | None = None


@dataclass(frozen=True, slots=True)
class HelperCall:
    """``helper(app_or_bp, "literal", ...)``: may register routes through a RouteTemplate."""

    callee: str
    func: str | None
    line: int
    args: tuple[ArgValue, ...]
    kwargs: tuple[tuple[str, ArgValue], ...]


@dataclass(frozen=True, slots=True)
class ClassInfo:
    name: str
    line: int
    bases: tuple[str, ...]
    http_methods: tuple[str, ...]
    methods_attr: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class FuncInfo:
    qualname: str
    line: int
    returns: frozenset[str]


@dataclass(slots=True)
class TestInfo:
    frameworks: set[str] = field(default_factory=set)
    test_functions: int = 0
    uses_test_client: bool = False
    names: set[str] = field(default_factory=set)  # names imported or referenced


@dataclass(slots=True)
class FileFacts:
    rel: str
    module: str
    is_test: bool
    lines: int = 0
    parse_error: str | None = None
    imports: dict[str, str] = field(default_factory=dict)
    imports_flask: bool = False
    ctors: list[Ctor] = field(default_factory=list)
    uses: list[MethodUse] = field(default_factory=list)
    route_templates: list[RouteTemplate] = field(default_factory=list)
    helper_calls: list[HelperCall] = field(default_factory=list)
    classes: list[ClassInfo] = field(default_factory=list)
    funcs: list[FuncInfo] = field(default_factory=list)
    extensions: set[str] = field(default_factory=set)
    config_sources: set[str] = field(default_factory=set)
    #: top-level modules of classes started on the app (see file_settings)
    init_modules: set[str] = field(default_factory=set)
    #: signing key / database URL settings read from the environment ("*": all of them)
    env_settings: set[str] = field(default_factory=set)
    #: explicit HTTP status codes in views (``return body, 201``, ``abort(404)``)
    status_codes: int = 0
    #: ``(line, has a timeout)`` of HTTP calls to other services
    outgoing: list[tuple[int, bool]] = field(default_factory=list)
    json_responses: int = 0
    #: module-level class aliases, ``WebAdmin = WebUI`` -> {"WebAdmin": "WebUI"}
    aliases: dict[str, str] = field(default_factory=dict)
    #: item keys and attributes given escaped HTML (see rules.escaping)
    escaped_fields: set[str] = field(default_factory=set)
    tests: TestInfo = field(default_factory=TestInfo)
    findings: list[Finding] = field(default_factory=list)
    fingerprint: list[int] = field(default_factory=list)
