"""The Flask model of a project: what a senior reviewer would map out first."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Site:
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class AppSite:
    file: str
    line: int
    kind: str  # Flask, APIFlask, Quart or the project's subclass name


@dataclass(frozen=True, slots=True)
class FactorySite:
    file: str
    line: int
    function: str


@dataclass(frozen=True, slots=True)
class BlueprintSite:
    name: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Route:
    rule: str
    methods: tuple[str, ...]
    endpoint: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class TestsSummary:
    present: bool
    framework: str  # pytest | unittest | flask-testing | none
    files: int
    uses_client: bool
    uses_factory: bool


@dataclass
class FlaskModel:
    apps: list[AppSite] = field(default_factory=list)
    factory: FactorySite | None = None
    blueprints: list[BlueprintSite] = field(default_factory=list)
    registered: list[Site] = field(default_factory=list)
    extensions: list[str] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    error_handlers: list[Site] = field(default_factory=list)
    cli_commands: list[Site] = field(default_factory=list)
    config_sources: list[str] = field(default_factory=list)
    config_from_env: bool = False
    tests: TestsSummary = field(
        default_factory=lambda: TestsSummary(False, "none", 0, False, False)
    )
    dependencies: list[str] = field(default_factory=list)
    is_api: bool = False
    #: top-level modules the project's code imports (``marshmallow``, ``tenacity``)
    libraries: list[str] = field(default_factory=list)
    status_codes: int = 0
    outgoing_calls: list[Site] = field(default_factory=list)
    untimed_calls: list[Site] = field(default_factory=list)
    retry_adapter: bool = False
    uses_session: bool = False
    templates: int = 0
