# One command to set up and run the demo, one to set up and run every test.
# Debian's own Python 3.11 when it is there: it is built with profile-guided optimisation and is
# markedly faster than an unoptimised build (a pure-Python loop 1.46x, importing polars 1.25x).
PYTHON ?= $(shell for p in /usr/bin/python3.11 python3; do $$p -c 'import ensurepip, venv' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup lint benchmark clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q lookedafter
	touch $(STAMP)

# Front end: govuk-frontend, MOJ frontend and axe-core from npm (package-lock.json), built into
# the gitignored staticfiles/ folder. Chromium (Debian) drives the browser tests.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

staticfiles/css/app.css: node_modules/.package-lock.json lookedafter/web/assets/app.scss lookedafter/web/assets/build.mjs lookedafter/web/assets/init.mjs
	npm run --silent build

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get install -y -q chromium >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; \
	  else echo "chromium is not installed: the browser tests will be skipped"; fi; }

setup: $(STAMP) staticfiles/css/app.css chromium

# The demo authority: 1,000 children over 5 years, loaded into a SQLite register, one user per
# role (names, passwords and second-factor secrets are printed), served at 127.0.0.1:8000.
DEMO_DB := sqlite:///demo/lookedafter.sqlite3

demo: setup
	rm -rf demo/data demo/lookedafter.sqlite3
	mkdir -p demo
	$(BIN)/lookedafter synth --children 1000 --years 5 --seed 42 --as-of "$$(date +%F)" --out demo/data
	test -s demo/.secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > demo/.secret_key
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py migrate --noinput -v 0
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py loaddataset demo/data/canonical
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py demousers
	DATABASE_URL=$(DEMO_DB) DJANGO_SECRET_KEY="$$(cat demo/.secret_key)" $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy lookedafter

# The whole suite on SQLite, then the web tests again on the machine's PostgreSQL.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

test: setup lint
	$(BIN)/pytest -n 2 -q
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 -q tests/web -m "not browser"

# Speed and memory figures (printed, not asserted). England-scale runs take minutes each.
benchmark: setup
	$(BIN)/python benchmarks/synth_england.py
	$(BIN)/python benchmarks/read_903.py --source synth
	$(BIN)/python benchmarks/validate.py --sizes 1000 80000
	$(BIN)/python benchmarks/timescales.py
	$(BIN)/python benchmarks/measures.py
	$(BIN)/python benchmarks/web.py

clean:
	rm -rf $(VENV) demo
