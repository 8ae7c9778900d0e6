# The two jobs of the README: `make demo` runs the workshop module, `make test` runs every test.
SWIFT ?= swift
RUNBOOK := .build/debug/runbook

.PHONY: demo test deps build lab lab-down bench clean

## demo: set everything up and run module 1 against the local engine with the offline lab.
demo: deps build lab
	. lab/lab.env && $(RUNBOOK) run workshop.yaml --var-file lab/vars.yaml $(ARGS)

## test: set everything up (packages, engine, registry, images) and run all the tests.
test: deps lab
	$(SWIFT) build --build-tests
	$(SWIFT) test

deps:
	scripts/install-deps.sh

build:
	$(SWIFT) build

## lab: start the Docker engine and registry, build the offline base images (idempotent).
lab: deps
	scripts/lab-up.sh

## lab-down: stop what lab started.
lab-down:
	scripts/lab-down.sh

## bench: the benchmarks of bench/README.md.
bench: deps
	$(SWIFT) build -c release --product runbook-bench
	$(SWIFT) build -c release --product runbook
	.build/release/runbook-bench load 10000
	.build/release/runbook-bench board 200 30

clean:
	rm -rf .build runbook-results
