# OpenITA — two commands set everything up on a fresh machine:
#   make run    install, migrate, load frameworks and demo data, start the background worker
#               and the scheduler of periodic jobs, and serve on 127.0.0.1:8000
#   make test   install the development tools and run every check and the whole suite
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export OPENITA_DEBUG ?= 1
# System packages: gettext (translations), Thai fonts, Chromium (PDF exports and browser tests),
# poppler-utils (pdftoppm, to check rendered PDFs).
APT_PACKAGES := gettext fonts-thai-tlwg chromium poppler-utils tesseract-ocr tesseract-ocr-tha openssl wrk

.PHONY: run test check system-deps install install-dev migrate messages clean

run: install migrate
	$(BIN)/openita frameworks load
	$(BIN)/openita demo
	@echo "OpenITA: http://$(HOST):$(PORT)/  (ภาษาไทยเป็นค่าเริ่มต้น / English via the language button)"
	@# The task worker (link checks, captures) and the scheduler of periodic jobs (reminders,
	@# link and site re-checks) run beside the web server and stop with it.
	@$(BIN)/openita db_worker --no-reload & worker=$$!; \
	$(BIN)/openita scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/openita runserver $(HOST):$(PORT)

test: install-dev
	$(MAKE) check
	$(BIN)/pytest $(PYTEST_ARGS)

check:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python tools/check_size.py
	$(BIN)/openita makemigrations --check --dry-run
	$(BIN)/openita compilemessages --ignore=.venv >/dev/null
	git diff --exit-code -- openita/locale || { echo "Compiled catalogs differ from the committed ones: run make messages and commit."; exit 1; }

# Installs missing system packages only (needs root; apt-get update first).
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "Run as root, or install:$$missing" >&2; exit 1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BIN)/python:
	@py=$$(tools/find-python) && echo "Using $$py" && $$py -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: system-deps $(VENV)/.installed

install-dev: system-deps $(VENV)/.installed-dev

migrate: install
	$(BIN)/openita migrate --no-input -v0
	$(BIN)/openita collectstatic --no-input -v0

messages: install
	cd openita && ../$(BIN)/openita makemessages -l th --no-obsolete --no-location -i "data/*"
	$(BIN)/openita compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
