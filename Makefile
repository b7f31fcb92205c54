# Two commands on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
CLI := $(VENV)/bin/clincalc-search
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install compiled run test index lint eval bench clean

$(PY):
	python3 -m venv $(VENV)

# CPU torch first, exactly pinned: an unpinned torch pulls gigabytes of CUDA wheels.
$(STAMP): $(PY) pyproject.toml
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The package's bytecode and its large patterns compiled once, here: where PYTHONDONTWRITEBYTECODE is set (as on
# these machines) every process would otherwise compile its modules from source and a cold `ask` its patterns again,
# about 0.1 s of each (docs/PERFORMANCE.md). Quick when nothing changed; an edited module is still read from source.
compiled: $(STAMP)
	@$(PY) -m compileall -q src
	@$(PY) -m clincalc_search.compiled_patterns > /dev/null

# Rebuild only when the index is missing or stale (corpus, model or its ONNX export changed); the first build
# exports the model to ONNX in models/ (CLINCALC_MODEL_DIR).
index: compiled
	@$(PY) -m clincalc_search.freshness || $(CLI) build

run: index
	$(VENV)/bin/streamlit run serve.py --server.port 8501 --server.address localhost

test: compiled
	$(VENV)/bin/ruff check src tests app.py serve.py bench
	$(VENV)/bin/python -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests app.py serve.py bench

eval: index
	$(CLI) eval
	$(CLI) eval --dose

bench: index
	$(PY) -m bench

clean:
	rm -rf $(VENV) index/*.faiss index/*.jsonl index/*.npy index/manifest.json models src/clincalc_search/__pycache__
