# The two commands of the README. `make demo` installs everything into .venv and runs the demo;
# `make test` runs the test suite. .ci/run runs exactly these on a clean machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install bench clean

$(BIN)/parallax: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

# The browser tests drive Debian's Chromium (never a downloaded browser); install it when missing.
BROWSER := /usr/bin/chromium

$(BROWSER):
	@if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium chromium-driver >/dev/null \
	  || (apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null); \
	elif command -v sudo >/dev/null; then sudo apt-get install -y -q chromium chromium-driver >/dev/null; \
	else echo "note: install Debian's chromium for the browser tests (apt-get install chromium chromium-driver)"; fi

install: $(BIN)/parallax $(BROWSER)

demo: install
	$(BIN)/parallax demo

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) build *.egg-info parallax-demo.duckdb parallax-demo.html
