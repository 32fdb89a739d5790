# Readout: one command to run the workbench on the seed, one to run the tests.
#   make run    set up, build (release) and start the REPL with the seed article loaded
#   make test   set up, build and run every test
#   make bench  release-mode benchmark against the reference pipeline (see README)

SWIFT ?= swift
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test release bench clean fuzz lists cues install install-check

# Installs the system packages Readout needs when they are missing (Debian).
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
	  echo "installing libedit-dev and pkg-config..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build

# in release: the speed the README gives is what a newcomer sees
run: release
	"$$($(SWIFT) build -c release --show-bin-path)/readout" --load seeds/

# The suite is XCTest; its summary is repeated as one closing "N passed, N failed" line.
test: deps
	$(SWIFT) build --build-tests
	@set -o pipefail; $(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log; \
	  status=$$?; \
	  line=$$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with" .build/test.log | tail -1); \
	  total=$$(echo "$$line" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/'); \
	  failed=$$(echo "$$line" | sed -E 's/.* ([0-9]+) failures? .*/\1/'); \
	  skipped=$$(echo "$$line" | sed -nE 's/.*with ([0-9]+) tests? skipped.*/\1/p'); \
	  [ -n "$$total" ] && echo "$$((total - failed - $${skipped:-0})) passed, $$failed failed, $${skipped:-0} skipped"; \
	  exit $$status
	@$(MAKE) --no-print-directory install-check

# Release builds link the Swift runtime statically: process start drops from ~13 ms to ~5 ms,
# which matters for scripted runs (one process per command file). They link with lld (part of the
# Swift toolchain) and pack relative relocations (scripts/release-toolset.json): the 76,000
# relocation records the static runtime brings, 1.8 MB read at every start, become 15 KB, and a
# whole-corpus run's resident set is 2 MB smaller.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --toolset scripts/release-toolset.json

# Installs the release binary as PREFIX/bin/readout, its word lists in PREFIX/share/readout (where
# the binary looks for them; READOUT_DATA overrides the place), the manual page (made from the same
# help text as --help) and completions for bash, zsh and fish; DESTDIR for staged installs.
PREFIX ?= /usr/local
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/readout" "$(DESTDIR)$(PREFIX)/share/man/man1" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 .build/release/readout "$(DESTDIR)$(PREFIX)/bin/readout"
	install -m 644 .build/release/Readout_ReadoutEngine.resources/Data/* "$(DESTDIR)$(PREFIX)/share/readout/"
	.build/release/readout --generate-manual > "$(DESTDIR)$(PREFIX)/share/man/man1/readout.1"
	.build/release/readout --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/readout"
	.build/release/readout --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_readout"
	.build/release/readout --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/readout.fish"

# Installs into a scratch prefix and uses it as a user would: the binary runs on the seed with the
# installed word lists, the manual page reads, the completion scripts parse (part of make test).
install-check:
	@prefix=$$(mktemp -d); trap 'rm -rf "$$prefix"' EXIT; set -e; \
	  $(MAKE) --no-print-directory install PREFIX="$$prefix" >/dev/null; \
	  "$$prefix/bin/readout" --version; \
	  "$$prefix/bin/readout" --no-rc -c 'load seeds/' -c stats | grep -q "quotes *12"; \
	  if command -v man >/dev/null; then \
	    MANWIDTH=80 man -l "$$prefix/share/man/man1/readout.1" 2>/dev/null | grep -Eq "Usage: +quotes"; \
	  else echo "install-check: man is not installed, the page was not read"; fi; \
	  bash -n "$$prefix/share/bash-completion/completions/readout"; \
	  if command -v zsh >/dev/null; then zsh -n "$$prefix/share/zsh/site-functions/_readout"; fi; \
	  if command -v fish >/dev/null; then fish -n "$$prefix/share/fish/vendor_completions.d/readout.fish"; fi; \
	  echo "install-check: binary, word lists, manual page and completions installed and working"

# Whole-corpus stages, interactive commands, and end to end against the reference on the first 200 articles.
CORPUS ?= ../shared/corpora/bbc
bench: release
	.build/release/readout-bench $(CORPUS) --limit 200 --reference

# Recompiles the word lists into Sources/ReadoutEngine/Data/lists.bin after a list is edited
# (until then the engine parses the text lists at every start, and a test says the image is stale).
lists: deps
	$(SWIFT) build --product readout-lists
	$$($(SWIFT) build --show-bin-path)/readout-lists

# Remakes Sources/ReadoutEngine/Data/cue-derived.tsv, the cue words counted in PolNeAR's train split
# (../shared/corpora/polnear/train; see scripts/derive-cues.py). Deterministic; only counts are kept.
POLNEAR_TRAIN ?= ../shared/corpora/polnear/train
cues:
	python3 scripts/derive-cues.py $(POLNEAR_TRAIN) > Sources/ReadoutEngine/Data/cue-derived.tsv.tmp
	mv Sources/ReadoutEngine/Data/cue-derived.tsv.tmp Sources/ReadoutEngine/Data/cue-derived.tsv

clean:
	rm -rf .build

# libFuzzer runs for the engine and the command language (not part of CI).
fuzz: deps
	Fuzz/run.sh $(FUZZ_RUNS)
