# Fresh-machine entry points. Everything runs in .venv, created on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test generate check bench legacy-sdk clean docs docs-check dist

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The main job: regenerate from the spec (showing what changed), then run the quick start
# against a local server. No account, no network beyond loopback.
demo: $(VENV)/.installed
	$(PY) -m generator
	$(PY) examples/quickstart.py

# Everything CI checks: generated/ matches the spec, lint, types, and the test suite.
test: $(VENV)/.installed
	$(PY) -m generator --check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q

# The package as users get it: an sdist and a wheel built from it, in dist/.
dist: $(VENV)/.installed
	$(PY) -m generator --check
	$(PY) -m build --outdir dist .

generate: $(VENV)/.installed
	$(PY) -m generator

check: $(VENV)/.installed
	$(PY) -m generator --check

# The reference docs site (English and Chinese) from generated/docs into site/.
docs: $(VENV)/.installed
	$(PY) -m generator --check
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict

# The docs site's checks alone (part of `make test` too): the built files, then pages rendered
# in headless Chromium (`apt-get install -y chromium`; skipped without it, outside CI).
docs-check: $(VENV)/.installed
	$(PY) -m generator --check
	$(PY) -m pytest -q tests/e2e/test_docs_site.py tests/e2e/test_docs_browser.py

# Benchmarks against the official SDKs (installed into benchmarks/.peers, never into .venv);
# prints ratios measured in the same run. Not part of the tests.
bench: $(VENV)/.installed
	bash benchmarks/setup_peers.sh
	$(PY) benchmarks/run_all.py

# The official legacy SDK (qcloudapi-sdk-python, in benchmarks/.peers) sends the example of every
# page to the fake: success or a documented error for each action (benchmarks/legacy_sdk.py).
legacy-sdk: $(VENV)/.installed
	bash benchmarks/setup_peers.sh
	$(PY) benchmarks/legacy_sdk.py

clean:
	rm -rf $(VENV) build dist site generated/*.egg-info .pytest_cache .mypy_cache .ruff_cache
