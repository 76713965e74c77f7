# portal: the two commands a new machine needs are `make site` and `make test`.
SWIFT ?= swift
PORTAL_RELEASE := .build/release/portal

.PHONY: site test deps release lint spec clean fuzz fuzz-short bench hostile-bench check-site

## The binary `make bench` measures and `make check-site` builds with; anything but the default skips `make release`.
PORTAL ?= $(PORTAL_RELEASE)

## How long `make fuzz` runs libFuzzer, in seconds; `make test` runs it for one minute.
FUZZ_SECONDS ?= 600

## Install what is missing, build portal in release mode, build content/ into site/.
site: release
	$(PORTAL_RELEASE) build --content content --templates templates --output site

## Install what is missing, then run every test.
test: deps spec
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/check-spreadsheet-formulas
	scripts/check-report
	$(MAKE) fuzz-short

## System packages: libcmark-dev, libdeflate-dev, libvips-dev, poppler-utils, pkg-config and nodejs (for the tests) from apt, only when missing.
deps:
	@scripts/install-deps

release: deps
	$(SWIFT) build -c release --product portal

## The CommonMark 0.30 spec (652 examples) for the conformance tests, fetched once.
spec:
	@scripts/fetch-commonmark-spec >/dev/null

## Build the example portal, serve it with nginx through deploy/, check it with the Nu validator, linkchecker and headless Chromium.
check-site: $(if $(filter $(PORTAL_RELEASE),$(PORTAL)),release)
	PORTAL='$(PORTAL)' scripts/check-site

## libFuzzer over front matter, YAML records, slugs, links and the privacy scanner; then
## FUZZ_KILLS builds killed at random moments (make test kills 24 in its own suite).
FUZZ_KILLS ?= 300
fuzz: deps
	@SWIFT=$(SWIFT) scripts/run-fuzz $(FUZZ_SECONDS)
	@if [ "$(FUZZ_KILLS)" -gt 0 ]; then PORTAL_KILLS=$(FUZZ_KILLS) $(SWIFT) test --filter KilledBuildTests; fi

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=60 FUZZ_KILLS=0

## portal against Hugo and a cat + cmark + cp floor: BENCH_FULL=1, BENCH_SIZES=1000,10000, BENCH_RUNS=3, PORTAL=path, BENCH_BASELINE=an earlier checkout built with make release.
bench: $(if $(filter $(PORTAL_RELEASE),$(PORTAL)),release)
	BENCH_BASELINE='$(BENCH_BASELINE)' BENCH_FULL='$(BENCH_FULL)' BENCH_SIZES='$(BENCH_SIZES)' BENCH_RUNS='$(BENCH_RUNS)' PORTAL='$(PORTAL)' scripts/bench

## Pathological Markdown at 1x and 4x its size through a release build; the table goes into BENCHMARKS.md ("Hostile input").
hostile-bench: $(if $(filter $(PORTAL_RELEASE),$(PORTAL)),release)
	BENCH_RUNS='$(BENCH_RUNS)' PORTAL='$(PORTAL)' scripts/hostile-bench

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-fuzz site
