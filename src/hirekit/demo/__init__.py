"""Demo data: a realistic, clearly fictional organisation to explore hirekit with."""

from hirekit.demo.cli import demo_group
from hirekit.demo.load import load_demo

__all__ = ["demo_group", "load_demo"]
