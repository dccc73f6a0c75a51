#include <iostream>
#include <string>
#include <string_view>

#include "driver/commands.h"
#include "driver/options.h"
#include "lsp/lsp_command.h"

int main(int argc, char **argv) {
  // fmt and lsp take different arguments from the compiling commands.
  if (argc == 3 && std::string_view(argv[1]) == "help" &&
      (std::string_view(argv[2]) == "fmt" || std::string_view(argv[2]) == "lsp")) {
    std::string help = "--help";
    char *helpArgv[] = {argv[0], argv[2], help.data(), nullptr};
    argv = helpArgv;
    argc = 3;
    if (std::string_view(argv[1]) == "fmt") return tdxc::runFmt(argc, argv, std::cout, std::cerr);
    return tdxc::lsp::runLspCommand(argc, argv, std::cin, std::cout, std::cerr);
  }
  if (argc > 1 && std::string_view(argv[1]) == "fmt") return tdxc::runFmt(argc, argv, std::cout, std::cerr);
  if (argc > 1 && std::string_view(argv[1]) == "lsp")
    return tdxc::lsp::runLspCommand(argc, argv, std::cin, std::cout, std::cerr);
  tdxc::Options options;
  switch (tdxc::parseOptions(argc, argv, options, std::cout, std::cerr)) {
    case tdxc::ParseOutcome::ExitOk: return 0;
    case tdxc::ParseOutcome::UsageError: return 2;
    case tdxc::ParseOutcome::Run: break;
  }
  if (options.command == "check") return tdxc::runCheck(options, std::cout, std::cerr);
  if (options.command == "explain") return tdxc::runExplain(options, std::cout, std::cerr);
  if (options.command == "doc") return tdxc::runDoc(options, std::cout, std::cerr);
  if (options.command == "lock") return tdxc::runLock(options, std::cout, std::cerr);
  if (options.command == "bake") return tdxc::runBake(options, std::cout, std::cerr);
  return tdxc::runCompile(options, std::cout, std::cerr);
}
