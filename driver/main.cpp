#include <iostream>

#include "driver/commands.h"
#include "driver/options.h"

int main(int argc, char **argv) {
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
