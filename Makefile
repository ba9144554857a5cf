# The two commands a new user needs: `make run` and `make test`. Every target sets up
# .venv first (created if missing, reinstalled when setup.cfg changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
STAMP  := $(VENV)/.installed

# Debian packages the tests drive as real parts; installed when missing (as root), else skipped
SYSTEM_PACKAGES := nginx chromium chromium-driver:chromedriver

.PHONY: install system-packages run test bench bench-scale chat clean help

help:
	@echo "make run    start the server on 127.0.0.1:$(PORT) with the demo catalog (dev mode)"
	@echo "make test   run the whole test suite"
	@echo "make bench  run the benchmarks (installs the benchmark catalog)"
	@echo "make bench-scale  the matcher index and server at 50k, 200k and 1M products (long)"
	@echo "make chat   talk to the skill in your terminal"

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

system-packages:
	scripts/ensure-system-packages $(SYSTEM_PACKAGES)

run: install
	$(BIN)/voicecart serve --dev --port $(PORT)

test: install system-packages
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run_all.py

bench-scale: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/bench_scale.py $(SCALE_ARGS)

chat: install
	$(BIN)/voicecart chat

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache bench/results
