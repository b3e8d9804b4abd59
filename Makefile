# Two commands: `make play` (set up + start the game) and `make test` (set up + run every test).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HEADLESS := SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

.PHONY: play test setup lint typecheck check web assets bench clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

play: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(HEADLESS) $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check src tests tools main.py
	$(PY) -m mypy

check: $(STAMP)
	$(PY) -m lm_game check

# the browser build (offline): build/web/{index.html, leave_me_alone.apk, favicon.png}; WEBFLAGS=--zip for itch.io
web: $(STAMP) assets/ui/icon.png tools/web/template.tmpl
	$(PY) tools/web/build.py $(WEBFLAGS)

assets: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,assets]'
	$(PY) tools/assets/build.py

bench: $(STAMP)
	$(HEADLESS) $(PY) -m lm_game bench

clean:
	rm -rf build dist test-artifacts .pytest_cache .mypy_cache .ruff_cache
