"""Markup() and |safe around stored or handed-in data, and what stays the code's own."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def _markup(report: Report) -> list[tuple[str, int, str]]:
    return sorted((f.file, f.line, f.severity) for f in findings(report, "unsafe-markup"))


def test_markup_around_model_attributes_is_xss(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "models.py": """
            from markupsafe import Markup
            from app import db


            class Watch(db.Model):
                url = db.Column(db.String)
                title = db.Column(db.String)

                def link(self):
                    return Markup(f'<a href="{self.url}">{self.title}</a>')

                def error_text(self):
                    return Markup("Fetch failed: %s" % self.last_error)

                def badge(self):
                    return Markup("<span>{}</span>".format(self.tag))

                def joined(self):
                    return Markup("<br>" + self.notes)
            """,
        }
    )
    assert _markup(report) == [
        ("models.py", 10, "medium"),
        ("models.py", 13, "medium"),
        ("models.py", 16, "medium"),
        ("models.py", 19, "medium"),
    ]


def test_markup_around_parameters_and_loaded_rows_is_xss(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "helpers.py": """
            from markupsafe import Markup
            from app import db
            from models import Comment


            def highlight(text):
                return Markup(f"<mark>{text}</mark>")


            def raw(html):
                return Markup(html)


            def latest_comment():
                comment = db.session.get(Comment, 1)
                body = comment.body.strip()
                return Markup("<p>%s</p>" % body)
            """,
        }
    )
    assert _markup(report) == [
        ("helpers.py", 7, "medium"),
        ("helpers.py", 11, "medium"),
        ("helpers.py", 17, "medium"),
    ]


def test_request_data_in_markup_stays_high(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask, request
            from markupsafe import Markup
            app = Flask(__name__)

            @app.route("/hello")
            def hello():
                return Markup("<h1>{}</h1>".format(request.args["name"]))
            """,
        }
    )
    assert _markup(report) == [("app.py", 7, "high")]


def test_constant_and_escaped_markup_is_not_flagged(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "safe.py": """
            import html
            from flask import url_for
            from markupsafe import Markup, escape

            ICON = "<svg></svg>"


            class Watch:
                LABEL = "<b>watch</b>"

                def constant(self):
                    return Markup("<b>static</b>") + Markup(ICON) + Markup(self.LABEL)

                def escaped(self):
                    return Markup(f"<a>{escape(self.title)}</a>")

                def markup_escape(self, name):
                    return Markup("<i>%s</i>" % Markup.escape(name))

                def own_formatting(self):
                    # Markup's own % and format() escape their arguments.
                    return Markup("<b>%s</b>") % self.title, Markup("<i>{}</i>").format(self.url)

                def escaped_first(self, name):
                    name = escape(name)
                    return Markup(f"<b>{name}</b>")

                def html_escaped(self):
                    return Markup("<p>" + html.escape(self.body) + "</p>")

                def code_made(self):
                    link = url_for("watch", uuid=1)
                    return Markup(f'<a href="{link}">{len(self.history)}</a>')
            """,
        }
    )
    assert _markup(report) == []


def test_safe_filter_on_template_variables(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "templates/post.html": """
            <h1>{{ post.title }}</h1>
            <div>{{ post.body|safe }}</div>
            <div>{{ comments[0].text | safe }}</div>
            {{ "<br>"|safe }}
            {{ form.hidden_tag()|safe }}
            {# {{ post.body|safe }} #}
            """,
        }
    )
    assert _markup(report) == [
        ("templates/post.html", 2, "medium"),
        ("templates/post.html", 3, "medium"),
    ]
