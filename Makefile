# hirekit: `make run` to try it, `make test` to prove it. `make help` lists the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
BWRAP    ?= /usr/bin/bwrap
# Where `make run` serves: `make run PORT=8080`, `make run HOST=0.0.0.0`.
HOST ?= 127.0.0.1
PORT ?= 5000
# Two workers: the suite is mostly waiting on databases and the browser. Two tests at a
# time per worker, taken in order (tests/conftest.py starts the long ones first), so no
# worker is left alone with a queue of long tests at the end.
PYTEST_ARGS ?= -n 2 --maxschedchunk 2

.DEFAULT_GOAL := help
.PHONY: help install run test lint format typecheck pytest chromium bubblewrap wrk bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install hirekit with its dev tools (idempotent)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: install ## Set up (migrations, demo data, first admin) and serve on http://127.0.0.1:5000 (PORT=, HOST=)
	$(BIN)/hirekit run --setup --host $(HOST) --port $(PORT)

chromium: ## Install Debian's Chromium for the browser tests, if missing
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM=/path)"; exit 1; \
	  fi; \
	fi

bubblewrap: ## Install Debian's bubblewrap for the take-home sandbox tests, if missing
	@if [ ! -x $(BWRAP) ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; \
	  else \
	    echo "bubblewrap is missing: run 'sudo apt-get install -y bubblewrap'"; exit 1; \
	  fi; \
	fi

lint: install ## ruff: formatting and lint rules
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench

format: install ## Reformat the code
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

typecheck: install ## mypy (strict) over src/
	$(BIN)/mypy

# PYTHONDONTWRITEBYTECODE is cleared for the suite: with it set, every xdist worker (and
# every worker or CLI process a test starts) compiled the tests and hirekit afresh and
# pytest rewrote the asserts of all 240 test modules again, 8-10 s per worker on each run.
pytest: install chromium bubblewrap ## Only the pytest suite (PYTEST_ARGS=... to narrow it)
	env -u PYTHONDONTWRITEBYTECODE HIREKIT_CHROMIUM=$(CHROMIUM) $(BIN)/pytest $(PYTEST_ARGS)

test: install chromium bubblewrap lint typecheck pytest ## Everything CI runs: lint, types, the whole suite

wrk: ## Install Debian's wrk (the load generator of bench/web.py), if missing
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else \
	    echo "wrk is missing: run 'sudo apt-get install -y wrk'"; exit 1; \
	  fi; \
	fi

bench: install wrk ## Benchmarks; each prints measured figures (a few minutes each)
	$(BIN)/python bench/review.py
	$(BIN)/python bench/cli_startup.py
	$(BIN)/python bench/review_vs_bandit.py
	$(BIN)/python bench/screening.py
	$(BIN)/python bench/screening_accuracy.py
	$(BIN)/python bench/contacts_accuracy.py
	$(BIN)/python bench/joblint_accuracy.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/request_cpu.py

clean: ## Remove caches (keeps .venv and instance/)
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis
