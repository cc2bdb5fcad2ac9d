# The two set-up commands of the README. Each installs what is missing, configures and builds first.
#   make run   - build and open the app on the demo case file
#   make test  - build and run the whole test suite (offscreen), then the fuzzers for a bounded time,
#                then the damage, tamper and fault suites under AddressSanitizer
#   make fuzz  - only the fuzzers (scripts/fuzz.sh); longer with make fuzz FUZZ_SECONDS=600
#   make asan  - only the damage, tamper and fault suites under AddressSanitizer (scripts/asan.sh)
BUILD ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
FUZZ_SECONDS ?= 30

.PHONY: all setup configure build run test fuzz asan clean

all: build

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: configure
	@cmake --build $(BUILD)

run: build
	@$(BUILD)/app/caseboard --demo

test: build
	@cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --no-tests=error -j 2
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh
	@bash scripts/asan.sh

fuzz: setup
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

asan: setup
	@bash scripts/asan.sh

clean:
	rm -rf $(BUILD)
