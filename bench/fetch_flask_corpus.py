"""Download the real Flask applications the code review corpus tests read.

Each is a pinned PyPI source distribution fetched with
``pip download --no-deps --no-binary :all:`` into a cache folder
(default ``.cache/flask-corpus/``, git-ignored). Already present files are kept.

    python bench/fetch_flask_corpus.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

#: distribution==version -> archive file name pip saves
SDISTS: dict[str, str] = {
    "flask==3.1.0": "flask-3.1.0.tar.gz",  # examples/tutorial, examples/celery, examples/javascript
    "bepasty==1.2.2": "bepasty-1.2.2.tar.gz",
    "archivy==1.7.7": "archivy-1.7.7.tar.gz",
    "flaskbb==2.0.2": "FlaskBB-2.0.2.tar.gz",
    "buku==5.1": "buku-5.1.tar.gz",  # bukuserver
    "apiflask==3.1.2": "apiflask-3.1.2.tar.gz",  # examples/
    "flasgger==0.9.7.1": "flasgger-0.9.7.1.tar.gz",  # demo_app/
    "flask-cors==6.0.5": "flask_cors-6.0.5.tar.gz",  # examples/
    "sqlite-web==0.8.2": "sqlite_web-0.8.2.tar.gz",
    "ihatemoney==7.2.1": "ihatemoney-7.2.1.tar.gz",
    "flask-restful==0.3.10": "Flask-RESTful-0.3.10.tar.gz",  # examples/
    "flask-wtf==1.3.0": "flask_wtf-1.3.0.tar.gz",  # examples/
    "flask-blogging==2.0.0.post2": "Flask-Blogging-2.0.0.post2.tar.gz",  # example/
    "flask-limiter==4.1.1": "flask_limiter-4.1.1.tar.gz",  # examples/
    "flask-monitoringdashboard==5.1.0": "flask_monitoringdashboard-5.1.0.tar.gz",
    "changedetection.io==0.50.10": "changedetection_io-0.50.10.tar.gz",
    "flask-openapi3==4.3.2": "flask_openapi3-4.3.2.tar.gz",  # examples/
    "flask-caching==2.5.1": "flask_caching-2.5.1.tar.gz",  # examples/
    "httpbin==0.10.4": "httpbin-0.10.4.tar.gz",
    "rq-dashboard==0.9.0": "rq_dashboard-0.9.0.tar.gz",
    "psdash==0.6.2": "psdash-0.6.2.tar.gz",
    "chill==0.11.2": "chill-0.11.2.tar.gz",
    "searx==0.17.0": "searx-0.17.0.tar.gz",
    "dfir-unfurl==20261007": "dfir_unfurl-20261007.tar.gz",
    "lektor==3.3.14": "lektor-3.3.14.tar.gz",  # lektor/admin and the dev server
    "db-api-server==1.0.6": "db_api_server-1.0.6.tar.gz",
    "httpmogger==0.1.0": "httpmogger-0.1.0.tar.gz",  # src/httpmogger/files/app.py
}
DEFAULT_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "flask-corpus"


def fetch(cache: Path = DEFAULT_CACHE) -> list[Path]:
    """Make sure every corpus archive is in ``cache``; raise ``OSError`` when pip fails."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec, filename in SDISTS.items():
        target = cache / filename
        if not target.exists():
            cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
            cmd += ["--no-binary", ":all:", "--dest", str(cache), spec]
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            if result.returncode != 0 or not target.exists():
                raise OSError(f"could not download {spec}: {result.stderr.strip()[-300:]}")
        paths.append(target)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    for path in fetch(args.cache):
        print(f"{path.stat().st_size:>10,d}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
