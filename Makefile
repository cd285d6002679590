# SMS Builder. `make run` to use it, `make test` to check it.
GO      ?= go
BIN     := smsbuilder
# The ci tag makes Fyne use its software driver: tests need no display and no cgo.
TESTENV := CGO_ENABLED=0
TAGS    := -tags ci

.PHONY: run build test lint bench crash-test fuzz package fmt clean deps

run: build
	./$(BIN)

# The real binary: cgo and OpenGL, so the system packages first.
build: deps
	$(GO) build -o $(BIN) .

deps:
	@.ci/install-packages gui

test:
	@unformatted=$$(gofmt -l . 2>/dev/null); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(TESTENV) $(GO) vet $(TAGS) ./...
	$(TESTENV) $(GO) test $(TAGS) ./...

# staticcheck at a fixed version, fetched through the module proxy on first use.
lint:
	$(TESTENV) $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 $(TAGS) ./...

# Hundreds of SIGKILLs of a process writing to a workspace; `make test` runs a few.
CRASH_RUNS ?= 300
crash-test:
	SMSBUILDER_CRASH_RUNS=$(CRASH_RUNS) $(TESTENV) $(GO) test $(TAGS) -count=1 -run '^TestKillWriter$$' -v -timeout 60m ./data/sqlite/

# Every fuzz target of every package in turn, FUZZTIME each. Minimising a
# new input is capped: the default minute stalls short runs.
FUZZTIME ?= 45s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(TESTENV) $(GO) test $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$t"; \
			$(TESTENV) $(GO) test $(TAGS) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg || exit 1; \
		done; \
	done

bench:
	$(TESTENV) $(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...

# A Linux desktop archive (.tar.xz) with the icon and a .desktop entry.
# fyne package increments Build in FyneApp.toml on every run.
package: build
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --release --exe $(BIN)

fmt:
	gofmt -w .

clean:
	rm -f $(BIN) *.tar.xz
