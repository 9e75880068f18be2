# The README's two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: run test test-fast bench bench-ui eval setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run serve.py --server.port $(PORT)

# Every tier: tests/unit, tests/model, tests/gates, tests/app, tests/e2e (README, "Tests").
test: $(STAMP)
	$(BIN)/python -m pytest -q

# The unit tier alone: no model, under 15 s.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench
	$(BIN)/python -m benchmarks.bench_times --rounds 5
	$(BIN)/python -m benchmarks.bench_scaling_times
	$(BIN)/python -m benchmarks.bench_quotes --rounds 5
	$(BIN)/python -m benchmarks.bench_scaling --rounds 3
	$(BIN)/python -m benchmarks.bench_store --articles 1000

# The reading view: cold first load and warm reruns, server-side and in chromium; then readers in chromium:
# first paint, first chart page, clicks, 8 concurrent sessions, beside the one-button app (docs/benchmarks.md).
bench-ui: $(STAMP)
	$(BIN)/python -m benchmarks.bench_ui
	$(BIN)/python -m benchmarks.bench_ui_live

eval: $(STAMP)
	$(BIN)/presslens eval entities
	$(BIN)/presslens eval times ../shared/data/wikinews-apple/meantime
	$(BIN)/presslens eval quotes
	$(BIN)/presslens eval figures
	$(BIN)/presslens eval crossdoc
	$(BIN)/presslens eval timeline

clean:
	rm -rf $(VENV) *.egg-info
