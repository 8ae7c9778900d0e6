# The two jobs of the README: `make demo` runs the workshop module, `make test` runs every test.
SWIFT ?= swift
RUNBOOK := .build/debug/runbook
MODULE_SAMPLES := modules/1-docker/sample-results.json
WEBAPP := modules/2-webapp
VERSION := $(shell head -n 1 VERSION)
# `make image` tags IMAGE_NAME:VERSION and IMAGE_NAME:latest.
IMAGE_NAME ?= runbook
# One release build serves `make test`, `make image` and `make dist`: the tests' @testable imports
# need -enable-testing in release, and the image's binary is a second link of the same objects.
RELEASE_FLAGS := -c release -Xswiftc -enable-testing
RELEASE_RUNBOOK := .build/release/runbook
TEARDOWN := modules/3-teardown
COMPOSE := modules/4-compose

# `make install`: where (PREFIX, and DESTDIR for packaging) and which build (CONFIGURATION).
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
BINDIR := $(DESTDIR)$(PREFIX)/bin
BASH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: demo test deps build docs lab lab-down bench clean schema install uninstall image dist format lint

## demo: set everything up and run module 1 against the local engine with the offline lab.
demo: deps build lab
	. lab/lab.env && $(RUNBOOK) run workshop.yaml --var-file lab/vars.yaml $(ARGS)

## test: set everything up (packages, engine, registry, images) and run all the tests, on one
## release build that also makes the image and the dist tarball the tests run.
## Each module's README must be what `runbook docs` generates from its runbook (`make docs`).
## The sources must be as `make format` leaves them (`make lint`, first: it takes seconds).
test: lint deps lab
	$(SWIFT) build $(RELEASE_FLAGS) --build-tests
	scripts/static-runbook.sh
	IMAGE_NAME=$(IMAGE_NAME) scripts/make-image.sh
	scripts/make-dist.sh
	$(RELEASE_RUNBOOK) docs workshop.yaml --results $(MODULE_SAMPLES) --check modules/1-docker/README.md
	$(RELEASE_RUNBOOK) docs $(WEBAPP)/runbook.yaml --results $(WEBAPP)/sample-results.json --check $(WEBAPP)/README.md
	$(RELEASE_RUNBOOK) docs $(TEARDOWN)/runbook.yaml --results $(TEARDOWN)/sample-results.json --check $(TEARDOWN)/README.md
	$(RELEASE_RUNBOOK) docs $(COMPOSE)/runbook.yaml --results $(COMPOSE)/sample-results.json --check $(COMPOSE)/README.md
	RUNBOOK_IMAGE=$(IMAGE_NAME):$(VERSION) $(SWIFT) test $(RELEASE_FLAGS) --skip-build

## image: IMAGE_NAME:VERSION and :latest (runbook, the docker CLI, busybox, tini), offline, no pull.
image: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product runbook
	scripts/static-runbook.sh
	IMAGE_NAME=$(IMAGE_NAME) scripts/make-image.sh

## dist: dist/runbook-VERSION-linux-ARCH.tar.gz (the relocatable binary, completions, INSTALL).
dist: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product runbook
	scripts/static-runbook.sh
	scripts/make-dist.sh

deps:
	scripts/install-deps.sh

## docs: generate each module's README.md (the learner's text) from its runbook.
docs: build
	$(RUNBOOK) docs workshop.yaml --results $(MODULE_SAMPLES) -o modules/1-docker/README.md
	$(RUNBOOK) docs $(WEBAPP)/runbook.yaml --results $(WEBAPP)/sample-results.json -o $(WEBAPP)/README.md
	$(RUNBOOK) docs $(TEARDOWN)/runbook.yaml --results $(TEARDOWN)/sample-results.json -o $(TEARDOWN)/README.md
	$(RUNBOOK) docs $(COMPOSE)/runbook.yaml --results $(COMPOSE)/sample-results.json -o $(COMPOSE)/README.md

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
	$(SWIFT) build -c release --package-path bench
	$(SWIFT) build -c release --product runbook
	bench/.build/release/runbook-bench load 10000
	bench/.build/release/runbook-bench board 200 30

## schema: regenerate docs/schema from the decoder's key tables (a test fails while they are stale).
schema: build
	$(RUNBOOK) schema > docs/schema/runbook.schema.json
	$(RUNBOOK) schema --roster > docs/schema/roster.schema.json

## format: rewrite the Swift sources in place by .swift-format (line length 140, 4 spaces).
FORMATTED := Sources Tests bench/Sources bench/Package.swift Package.swift
format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMATTED)

## lint: the formatter's findings, as errors (the first thing `make test` does).
lint:
	$(SWIFT) format lint --recursive --strict --parallel $(FORMATTED)

## install: the runbook binary in PREFIX/bin (default /usr/local) and its bash, zsh and fish completions.
install:
	$(SWIFT) build -c $(CONFIGURATION) --product runbook
	install -d "$(BINDIR)" "$(BASH_COMPLETIONS)" "$(ZSH_COMPLETIONS)" "$(FISH_COMPLETIONS)"
	install -m 0755 "$$($(SWIFT) build -c $(CONFIGURATION) --show-bin-path)/runbook" "$(BINDIR)/runbook"
	"$(BINDIR)/runbook" --generate-completion-script bash > "$(BASH_COMPLETIONS)/runbook"
	"$(BINDIR)/runbook" --generate-completion-script zsh > "$(ZSH_COMPLETIONS)/_runbook"
	"$(BINDIR)/runbook" --generate-completion-script fish > "$(FISH_COMPLETIONS)/runbook.fish"

uninstall:
	rm -f "$(BINDIR)/runbook" "$(BASH_COMPLETIONS)/runbook" "$(ZSH_COMPLETIONS)/_runbook" "$(FISH_COMPLETIONS)/runbook.fish"

clean:
	rm -rf .build runbook-results dist
