from __future__ import annotations

import csv
import io
import json
import signal
import time
import zipfile
from pathlib import Path

import pytest
from tests.engines.screening.screening_documents import resume_docx, text_pdf, two_column_lines

from hirekit.engines.screening import Limits, screen, screen_batch, screen_many
from hirekit.engines.screening.batch import Item
from hirekit.engines.screening.cli_entry import run_cli
from hirekit.engines.screening.extract import extraction, text
from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.limits import Deadline

FLASK_DEV = b"Jane Doe\nDesigned the Flask REST API serving 2M requests per day.\n"
DOCX_PARTS = ("Jane Doe", ["Built Flask APIs with pytest tests."], "Skills", "F", "T")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "jane.txt").write_bytes(FLASK_DEV)
    (folder / "box.docx").write_bytes(resume_docx("H", ["Python scripts"], "B", "F", "T"))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    return folder


def test_screen_many_keeps_input_order_and_reports_progress(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    paths = sorted(folder.iterdir())
    seen: list[tuple[int, int]] = []
    results = list(screen_many(paths, jobs=2, progress=lambda d, t: seen.append((d, t))))
    assert [r.file for r in results] == [str(p) for p in paths]
    assert sorted(seen) == [(1, 3), (2, 3), (3, 3)]
    errors = {Path(r.file).name: r.error.code if r.error else None for r in results}
    assert errors == {"box.docx": None, "broken.pdf": "unreadable", "jane.txt": None}


def test_cli_json_from_folder_exits_zero_despite_one_failure(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_cli([str(_folder(tmp_path))], "rest-api", "json", 1, out=out, err=err) == 0
    data = json.loads(out.getvalue())
    assert len(data) == 3 and all(item["schema_version"] == 1 for item in data)
    jane = next(item for item in data if item["file"].endswith("jane.txt"))
    assert "api_design" in {f["flag"] for f in jane["green_flags"]}
    assert err.getvalue() == ""


def test_cli_reads_a_zip_of_resumes_as_csv(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a/jane.txt", FLASK_DEV)
        zf.writestr("b/other.txt", b"Python scripts for reports.\n")
    out = io.StringIO()
    assert run_cli([str(archive)], "full-stack", "csv", 1, out=out, err=io.StringIO()) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["file"].split("!")[1] for r in rows] == ["a/jane.txt", "b/other.txt"]
    assert "generic_python" in rows[1]["yellow_flags"]


def test_cli_table_and_progress_bar_past_twenty_files(tmp_path: Path) -> None:
    for i in range(21):
        (tmp_path / f"cv{i:02}.txt").write_bytes(FLASK_DEV)
    out, err = io.StringIO(), io.StringIO()
    assert run_cli([str(tmp_path)], "rest-api", "table", 2, out=out, err=err) == 0
    assert len(out.getvalue().splitlines()) == 22
    assert "21/21" in err.getvalue()


def test_cli_exits_two_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n broken")
    assert (
        run_cli([str(tmp_path)], "rest-api", "table", 1, out=io.StringIO(), err=io.StringIO()) == 2
    )
    assert (
        run_cli([str(tmp_path / "none")], "rest-api", "json", 1, io.StringIO(), io.StringIO()) == 2
    )


LABELLED = sorted((Path(__file__).parent / "labelled").glob("*.txt"))


def test_a_batch_gives_what_screening_one_by_one_gives(tmp_path: Path) -> None:
    """Reading every file first and analysing afterwards changes nothing in the results."""
    columns = tmp_path / "columns.pdf"
    columns.write_bytes(text_pdf(two_column_lines()))
    items: list[Item] = [*LABELLED, columns, ("archive.zip!b.docx", resume_docx(*DOCX_PARTS))]
    items.append(("broken.pdf", b"%PDF-1.4\n garbage"))
    batch = screen_batch(items, "microservices")
    single = [
        screen(item[1], "microservices", filename=item[0])
        if isinstance(item, tuple)
        else screen(item, "microservices")
        for item in items
    ]
    assert len(LABELLED) >= 40
    assert [r.to_dict(include_text=True) for r in batch] == [
        r.to_dict(include_text=True) for r in single
    ]
    assert batch[-1].error is not None and batch[-1].error.code == "unreadable"
    assert any(r.green_flags for r in batch) and batch[-3].text.index("Skills") > 0


def test_a_file_past_the_time_limit_times_out_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hard backstop: a reader stuck in one call (as pdfium can be on a hostile
    page) is stopped by the alarm; the other files of the batch are screened."""

    def stuck(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
        if b"stuck" in data:
            time.sleep(30)  # never checks the deadline, like a C call
        return text.read(data, limits, deadline)

    monkeypatch.setitem(extraction._READERS, "text", stuck)
    items: list[Item] = [("a.txt", FLASK_DEV), ("stuck.txt", b"stuck reader"), ("b.txt", FLASK_DEV)]
    started = time.monotonic()
    results = screen_batch(items, limits=Limits(seconds=0.2))
    assert time.monotonic() - started < 5
    assert [r.error.code if r.error else None for r in results] == [None, "timeout", None]
    assert results[0].to_dict() == results[2].to_dict() | {"file": "a.txt"}
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_unknown_use_case_fails_before_any_worker_starts(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown use case"):
        list(screen_many([tmp_path / "none.txt"], use_case="data-science"))
