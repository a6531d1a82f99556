# SeatPlan — the two commands of the README: `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/seatplan
SCENARIO ?= scenarios/example-city.yaml

.PHONY: demo test bench backtest backtest-ca deps browser screenshot build release clean install install-files fuzz

## Install what is missing: the C libraries the build links (GSL, GLPK, libxlsxwriter), via apt.
deps:
	@scripts/install-deps.sh build

## The real clients the tests use (Chromium, GDAL's ogrinfo, Python's jsonschema and openpyxl), when missing.
browser:
	@scripts/install-deps.sh test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product seatplan

## Build, then compare the plans of the example scenario and the Eau Claire one: CSV reports and
## report.html under output/.
demo: release
	$(BIN) report $(SCENARIO) --out output/example-city
	@echo
	$(BIN) report scenarios/eau-claire-wi.yaml --lang en --out output/eau-claire-wi
	@echo
	@echo "Reports: $$(pwd)/output/example-city/ and $$(pwd)/output/eau-claire-wi/ (open report.html in a browser)"

## Backtest the projection methods on the real Eau Claire history (1998–2024); reports under output/.
EC := scenarios/data/eau-claire-wi
backtest: release
	$(BIN) backtest --enrollment $(EC)/ecasd_school_grade_enrollment_1998_2024.csv \
	  --births $(EC)/ecasd_births_1995_2019.csv --grades K,1,2,3,4,5 --origins 2008-2018 --horizons 1-5 \
	  --class-size 26,26,26,26,29,29 --out output/eau-claire-backtest

## Backtest on California's 58 counties (K–12, 1974–2020, DOF; scenarios/data/ca-dof-counties/SOURCE.txt): entry
## known (the births reach kindergarten only in 2016–2020), origins 1980–2015, horizons 1–5.
CA := scenarios/data/ca-dof-counties
backtest-ca: release
	$(BIN) backtest --enrollment $(CA)/enrollment_ca_counties_k12_1974_2020.csv \
	  --grades K,1,2,3,4,5,6,7,8,9,10,11,12 --entry known --origins 1980-2015 --horizons 1-5 \
	  --detail totals --out output/ca-counties-backtest

## Install the binary, its man page and its bash, zsh and fish completions under PREFIX (default /usr/local;
## DESTDIR for packaging): make install PREFIX=$$HOME/.local
PREFIX ?= /usr/local
install: release install-files

## What `install` copies, from an already built BIN (no build).
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/seatplan
	install -m 644 docs/seatplan.1 $(DESTDIR)$(PREFIX)/share/man/man1/seatplan.1
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/seatplan
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_seatplan
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/seatplan.fish
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/seatplan, its man page and completions"

## Build and run every test (unit, golden files, CLI against the built binary, report.html in Chromium).
test: deps browser
	$(SWIFT) build --product seatplan
	$(SWIFT) test
	@scripts/fuzz.sh $(FUZZ_SECONDS_TEST)

## libFuzzer over the loader and the validator for FUZZ_SECONDS (scripts/fuzz.sh: its own build folder,
## never built by `swift build`); `make test` runs it for FUZZ_SECONDS_TEST.
FUZZ_SECONDS ?= 60
FUZZ_SECONDS_TEST ?= 5
fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

## Speed and memory of a run, measured (not asserted).
bench: release
	@scripts/bench.sh $(BIN)

## Retake docs/report.png: example-city's report.html in headless Chromium, with Chinese fonts (fonts-noto-cjk).
screenshot: release browser
	@if ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  echo "No Chinese font: installing fonts-noto-cjk"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk; \
	fi
	$(BIN) report $(SCENARIO) --out output/example-city --lang en > /dev/null
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2912 \
	  --screenshot=$$(pwd)/docs/report.png file://$$(pwd)/output/example-city/report.html 2> /dev/null
	@echo "docs/report.png retaken"

clean:
	rm -rf .build output/*/
