# Debian bookworm ships the ANTLR 4.7.2 tool and the 4.9 C++ runtime. Its own
# antlr4_generate() runs `java -jar antlr4.jar`, which fails with Debian's jar
# (no Class-Path in the manifest), so we call /usr/bin/antlr4 directly.
find_package(antlr4-runtime 4.9 REQUIRED CONFIG)
find_program(ANTLR4_TOOL NAMES antlr4 REQUIRED)

# clang cannot compile antlr4-runtime.h 4.9 because of one header
# (misc/InterpreterDataReader.h, which we never use). Write an overlay copy of
# the umbrella header without it; nested includes still resolve to the runtime.
file(READ "${ANTLR4_INCLUDE_DIR}/antlr4-runtime.h" _antlr4_umbrella)
string(REPLACE "#include \"misc/InterpreterDataReader.h\""
               "// InterpreterDataReader.h removed by tdxc (clang incompatibility)"
               _antlr4_umbrella "${_antlr4_umbrella}")
file(WRITE "${CMAKE_BINARY_DIR}/antlr4-overlay/antlr4-runtime.h" "${_antlr4_umbrella}")

# antlr4_add_grammar(<target> <lexer.g4> <parser.g4> [SANITIZE_FOR_FUZZING])
# Generates the C++ lexer/parser/visitor into the build tree and builds them as
# a static library compiled with -w (generated code is not ours to fix).
function(antlr4_add_grammar target lexer_g4 parser_g4)
  cmake_parse_arguments(ARG "" "EXTRA_FLAGS" "" ${ARGN})
  get_filename_component(lexer_name "${lexer_g4}" NAME_WE)
  get_filename_component(parser_name "${parser_g4}" NAME_WE)
  get_filename_component(grammar_dir "${parser_g4}" DIRECTORY)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_gen")
  set(outputs
      "${out}/${lexer_name}.h" "${out}/${lexer_name}.cpp"
      "${out}/${parser_name}.h" "${out}/${parser_name}.cpp"
      "${out}/${parser_name}Visitor.h" "${out}/${parser_name}Visitor.cpp"
      "${out}/${parser_name}BaseVisitor.h" "${out}/${parser_name}BaseVisitor.cpp")
  # Relative grammar names keep absolute paths out of the generated headers,
  # so ccache hits across checkouts.
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND "${ANTLR4_TOOL}" -Dlanguage=Cpp -visitor -no-listener -Werror
            -Xexact-output-dir -package tdxc::grammar -o "${out}"
            "${lexer_name}.g4" "${parser_name}.g4"
    DEPENDS "${lexer_g4}" "${parser_g4}"
    WORKING_DIRECTORY "${grammar_dir}"
    COMMENT "ANTLR: generating ${parser_name}"
    VERBATIM)
  add_library(${target} STATIC ${outputs})
  # 4.7.2 emits u8"..." literals into std::string, which C++20 (char8_t) rejects.
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON CXX_STANDARD 17)
  target_compile_options(${target} PRIVATE -w ${ARG_EXTRA_FLAGS})
  target_include_directories(${target} BEFORE PUBLIC "${CMAKE_BINARY_DIR}/antlr4-overlay")
  target_include_directories(${target} SYSTEM PUBLIC "${out}" "${ANTLR4_INCLUDE_DIR}")
  target_link_libraries(${target} PUBLIC antlr4_shared)
endfunction()
