"""Pure libraries: plain values in, plain results out.

Nothing under this package imports Flask, SQLAlchemy or any other part of
hirekit, so the CLI, the web app, the job queue and the tests can all call
the engines directly.
"""
