// Where the compile time goes: the phases of BM_CompileServices timed one by
// one on the same generated input, and the ANTLR parse in both prediction
// modes (tdxc parses with the default, LL; SLL is measured for comparison).
//
//   BM_PhaseLex/N        ANTLRInputStream + TdxLexer + fill the token stream
//   BM_PhaseParseLL/N    lex + TdxParser::file(), PredictionMode::LL (tdxc's mode)
//   BM_PhaseParseSLL/N   lex + TdxParser::file(), PredictionMode::SLL
//   BM_PhaseParseFile/N  tdxc::parseFile: UTF-8 check, lex, parse, AST build
//   BM_PhaseFrontend/N   runFrontendOnText: parse + evaluate + check + lower
//   BM_PhasePipeline/N   runPipeline on a fresh IR (frontend untimed)
//   BM_PhaseCodegen/N    generateTree on the validated IR (frontend + passes untimed)
#include <benchmark/benchmark.h>

#include <string>

#include "TdxLexer.h"
#include "TdxParser.h"
#include "antlr4-runtime.h"
#include "backends/mkosi/codegen.h"
#include "bench/bench_inputs.h"
#include "frontend/frontend.h"
#include "frontend/parse.h"
#include "passes/pass.h"

namespace {

using tdxc::grammar::TdxLexer;
using tdxc::grammar::TdxParser;

// The lexer stage as tdxc runs it: all tokens, no error output. The objects
// are owned by the caller because the token stream points into them.
struct Lexed {
  explicit Lexed(const std::string &text) : input(text), lexer(&input), stream(&lexer) {
    lexer.removeErrorListeners();
    stream.fill();
  }
  antlr4::ANTLRInputStream input;
  TdxLexer lexer;
  antlr4::CommonTokenStream stream;
};

void BM_PhaseLex(benchmark::State &state) {
  const std::string text = tdxc::bench::servicesImage(state.range(0));
  std::size_t tokens = 0;
  for (auto _ : state) {
    Lexed lexed(text);
    tokens = lexed.stream.size();
    benchmark::DoNotOptimize(tokens);
  }
  state.counters["tokens"] = static_cast<double>(tokens);
  state.SetComplexityN(state.range(0));
}

void parseWith(benchmark::State &state, antlr4::atn::PredictionMode mode) {
  const std::string text = tdxc::bench::servicesImage(state.range(0));
  std::size_t errors = 0;
  for (auto _ : state) {
    Lexed lexed(text);
    TdxParser parser(&lexed.stream);
    parser.removeErrorListeners();
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(mode);
    TdxParser::FileContext *tree = parser.file();
    benchmark::DoNotOptimize(tree);
    errors = parser.getNumberOfSyntaxErrors();
  }
  if (errors != 0) state.SkipWithError("syntax errors in the generated input");
  state.SetComplexityN(state.range(0));
}

void BM_PhaseParseLL(benchmark::State &state) { parseWith(state, antlr4::atn::PredictionMode::LL); }
void BM_PhaseParseSLL(benchmark::State &state) { parseWith(state, antlr4::atn::PredictionMode::SLL); }

void BM_PhaseParseFile(benchmark::State &state) {
  tdxc::SourceManager sources;
  const tdxc::SourceFile &file = sources.file(sources.add("services.tdx", tdxc::bench::servicesImage(state.range(0))));
  for (auto _ : state) {
    tdxc::DiagnosticEngine diags;
    tdxc::ast::File ast = tdxc::parseFile(file, diags);
    benchmark::DoNotOptimize(ast);
  }
  state.SetComplexityN(state.range(0));
}

void BM_PhaseFrontend(benchmark::State &state) {
  const std::string text = tdxc::bench::servicesImage(state.range(0));
  for (auto _ : state) {
    tdxc::SourceManager sources;
    tdxc::DiagnosticEngine diags;
    tdxc::FrontendResult result =
        tdxc::runFrontendOnText("services.tdx", text, sources, diags, tdxc::FrontendOptions{});
    benchmark::DoNotOptimize(result);
  }
  state.SetComplexityN(state.range(0));
}

// The pipeline may rewrite the IR, so each iteration gets a fresh one.
void BM_PhasePipeline(benchmark::State &state) {
  const std::string text = tdxc::bench::servicesImage(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    tdxc::SourceManager sources;
    tdxc::DiagnosticEngine diags;
    tdxc::FrontendResult result =
        tdxc::runFrontendOnText("services.tdx", text, sources, diags, tdxc::FrontendOptions{});
    tdxc::PassContext ctx{diags, sources};
    state.ResumeTiming();
    tdxc::runPipeline(*result.image, ctx, tdxc::PipelineOptions{});
    state.PauseTiming();
    if (diags.hasErrors()) state.SkipWithError("the generated input has errors");
    result = {};  // destroy the IR outside the timed region
    state.ResumeTiming();
  }
  state.SetComplexityN(state.range(0));
}

void BM_PhaseCodegen(benchmark::State &state) {
  const std::string text = tdxc::bench::servicesImage(state.range(0));
  tdxc::SourceManager sources;
  tdxc::DiagnosticEngine diags;
  tdxc::FrontendResult result = tdxc::runFrontendOnText("services.tdx", text, sources, diags, tdxc::FrontendOptions{});
  tdxc::PassContext ctx{diags, sources};
  tdxc::runPipeline(*result.image, ctx, tdxc::PipelineOptions{});
  if (diags.hasErrors()) state.SkipWithError("the generated input has errors");
  for (auto _ : state) {
    tdxc::mkosi::FileTree tree = tdxc::mkosi::generateTree(*result.image);
    benchmark::DoNotOptimize(tree);
  }
  state.SetComplexityN(state.range(0));
}

#define TDXC_PHASE(fn) \
  BENCHMARK(fn)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN)
TDXC_PHASE(BM_PhaseLex);
TDXC_PHASE(BM_PhaseParseLL);
TDXC_PHASE(BM_PhaseParseSLL);
TDXC_PHASE(BM_PhaseParseFile);
TDXC_PHASE(BM_PhaseFrontend);
TDXC_PHASE(BM_PhasePipeline);
TDXC_PHASE(BM_PhaseCodegen);

}  // namespace
