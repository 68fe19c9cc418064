# Set-up is part of every target: a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site serve test lint pytest check golden clean

site: $(VENV)/.installed          ## build _site/ from site.yaml + content/ + templates/ + static/
	$(BIN)/kiku build

serve: $(VENV)/.installed         ## preview on http://127.0.0.1:8000/, rebuilt and reloaded on every save
	$(BIN)/kiku serve

test: $(VENV)/.installed-test lint pytest   ## lint, type-check and run the whole test suite

pytest: $(VENV)/.installed-test
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kiku tests bench build.py
	$(BIN)/mypy

check: $(VENV)/.installed          ## validate content and config, build nothing
	$(BIN)/kiku check

golden: $(VENV)/.installed-test    ## regenerate the importer's expected outputs and tests/golden/site/; review the diff
	$(BIN)/python -m tests.support.regenerate

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.created pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf _site $(VENV) *.egg-info
