# The two set-up commands of the README. Each installs what is missing, configures and builds first.
#   make run   - build and open the app on the demo case file
#   make test  - build and run the whole test suite (offscreen)
BUILD ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all setup configure build run test clean

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

clean:
	rm -rf $(BUILD)
