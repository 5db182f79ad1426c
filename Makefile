# The two commands of README.md: `make demo` and `make test`. Everything else is a helper.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build demo test unit asan-test schema-tools fuzz bench clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Scans the bundled example application and prints the AI inventory. The example carries known
# vulnerable and malicious packages on purpose, so aisec's exit code 1 (findings fail) is expected.
demo: build
	./$(BUILD)/aisec scan examples --format table; rc=$$?; [ $$rc -le 1 ]

# Installs, builds and runs every test: unit and integration tests, then the same tests under
# AddressSanitizer and UndefinedBehaviorSanitizer.
test: build schema-tools
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) asan-test

unit: build schema-tools
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan-test: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAISEC_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# JSON-Schema validator used by the tests (ajv from npm), installed into tests/tools.
schema-tools:
	@cd tests/tools && { [ -d node_modules/ajv ] || npm install --no-audit --no-fund --no-package-lock --silent; }

# Builds the libFuzzer targets of fuzz/ with clang and runs each for FUZZ_SECONDS from its seeds;
# fails on any crash, leak, timeout or sanitizer report (fuzz/run.sh).
FUZZ_SECONDS ?= 30
fuzz:
	AISEC_WITH_FUZZ=1 ./scripts/install-deps.sh
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DAISEC_FUZZ=ON -DAISEC_BUILD_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build build-fuzz -j $(JOBS)
	./fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

bench: deps
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DAISEC_BUILD_BENCH=ON -DAISEC_BUILD_TESTS=OFF
	cmake --build build-bench -j $(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz build-bench
