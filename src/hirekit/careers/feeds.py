"""Open postings as feeds: Atom for readers, JSON Feed for scripts, and the XML job
aggregators (Indeed and those that copied its format) crawl.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime

from feedgen.feed import FeedGenerator
from flask import url_for

from hirekit.careers.services.branding import company_name
from hirekit.careers.services.postings import EMPLOYMENT, Posting
from hirekit.jobs.choices import Workplace


def _newest(postings: list[Posting]) -> datetime:
    return max((p.updated for p in postings), default=datetime(2000, 1, 1, tzinfo=UTC))


def atom(postings: list[Posting]) -> bytes:
    feed = FeedGenerator()
    feed.id(url_for("careers.index", _external=True))
    feed.title(f"Open positions at {company_name()}")
    feed.author({"name": company_name()})
    feed.link(href=url_for("careers.index", _external=True), rel="alternate")
    feed.link(href=url_for("careers.feed_atom", _external=True), rel="self")
    feed.updated(_newest(postings))
    feed.language("en")
    # feedgen writes entries in reverse order of adding: add oldest first, newest on top.
    for posting in reversed(postings):
        entry = feed.add_entry()
        entry.id(posting.url)
        entry.title(posting.title)
        entry.link(href=posting.url, rel="alternate")
        entry.published(posting.published)
        entry.updated(posting.updated)
        entry.summary(posting.summary)
        entry.content(str(posting.description_html), type="html")
    return feed.atom_str(pretty=True)  # type: ignore[no-any-return]


def json_feed(postings: list[Posting]) -> str:
    """JSON Feed 1.1, with each job's facts under the ``_hirekit`` extension key."""
    items = []
    for posting in postings:
        facts: dict[str, object] = {
            "where": posting.where,
            "workplace": posting.workplace,
            "employment_type": posting.employment_type,
            "level": posting.level,
            "salary": None,
        }
        if posting.salary:
            facts["salary"] = {
                "min": posting.salary.minimum,
                "max": posting.salary.maximum,
                "currency": posting.salary.currency,
                "period": "year",
                "text": posting.salary.text,
            }
        items.append(
            {
                "id": posting.url,
                "url": posting.url,
                "title": posting.title,
                "summary": posting.summary,
                "content_html": str(posting.description_html),
                "date_published": posting.published.isoformat(),
                "date_modified": posting.updated.isoformat(),
                "_hirekit": facts,
            }
        )
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": f"Open positions at {company_name()}",
            "home_page_url": url_for("careers.index", _external=True),
            "feed_url": url_for("careers.feed_json", _external=True),
            "language": "en",
            "authors": [{"name": company_name()}],
            "items": items,
        },
        ensure_ascii=False,
        indent=1,
    )


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def aggregator_xml(postings: list[Posting]) -> bytes:
    """The ``<source><job>…`` document aggregators crawl (Indeed's XML feed format)."""
    source = ET.Element("source")
    _text(source, "publisher", company_name())
    _text(source, "publisherurl", url_for("careers.index", _external=True))
    _text(source, "lastBuildDate", format_datetime(_newest(postings)))
    for posting in postings:
        job = ET.SubElement(source, "job")
        _text(job, "title", posting.title)
        _text(job, "date", format_datetime(posting.published))
        _text(job, "referencenumber", str(posting.id))
        _text(job, "url", posting.url)
        _text(job, "company", posting.company)
        _text(job, "city", posting.city)
        _text(job, "country", posting.country)
        _text(job, "description", str(posting.description_html))
        _text(job, "jobtype", EMPLOYMENT.get(posting.employment_type, "").lower())
        _text(job, "expirationdate", posting.valid_through.date().isoformat())
        if posting.salary:
            _text(job, "salary", posting.salary.text)
        if posting.workplace == Workplace.REMOTE.value:
            _text(job, "remotetype", "Fully remote")
        elif posting.workplace == Workplace.HYBRID.value:
            _text(job, "remotetype", "Hybrid remote")
    return bytes(ET.tostring(source, encoding="utf-8", xml_declaration=True))
