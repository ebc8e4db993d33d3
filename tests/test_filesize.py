"""Byte counts on pages read as people read sizes, through one template filter."""

from __future__ import annotations

import pytest
from flask import render_template_string

from hirekit.templating import filesize


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "—"),
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (1024, "1.0 KB"),
        (14_540, "14.2 KB"),
        (250 * 1024, "250 KB"),
        (3_250_000, "3.1 MB"),
        (5 * 1024**3, "5.0 GB"),
        (3 * 1024**5, "3072 TB"),
    ],
)
def test_filesize(value, shown):
    assert filesize(value) == shown


def test_templates_have_the_filter(app):
    with app.test_request_context():
        assert render_template_string("{{ 2048 | filesize }}") == "2.0 KB"
