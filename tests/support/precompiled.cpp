// The one source of each tests' family's precompiled-header target (tests/CMakeLists.txt): CMake
// builds a target's precompiled header only for a target with sources.
