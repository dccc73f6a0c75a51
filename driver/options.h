// Command-line parsing for every tdxc subcommand.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace tdxc {

struct Options {
  std::string command;  // compile, check
  std::string input;
  std::string output;  // -o
  std::map<std::string, std::string> vars;
  std::string emit;  // ast, ir, tree
  std::string printIrAfter;
  std::string diagnosticsFormat = "text";
  std::string color = "auto";
  bool snippets = true;
  std::size_t errorLimit = 50;
  bool verify = false;
  bool checkTree = false;             // compile --check: compare DIR with the compiled tree, write nothing
  std::string topic;                  // explain: debloat or init
  std::vector<std::string> profiles;  // explain: --profile A,B (repeatable)
  std::string systemdList;            // explain debloat: --systemd-list FILE
  // tdx.lock (compile, check, lock, bake)
  std::string lockPath;  // --lock FILE (default: tdx.lock next to the input)
  bool noLock = false;   // --no-lock: ignore tdx.lock
  bool frozen = false;   // --frozen: a missing or stale lock is an error
  // bake
  std::vector<std::vector<std::string>> builds;  // one per --profile (A,B = one build with both)
  std::string backend = "local";                 // --backend local|nix|lima
  std::string mirror, toolsTreeMirror;           // --mirror, --tools-tree-mirror
  std::string mkosi;                             // --mkosi PATH
  std::string cacheDir;                          // --cache-dir DIR (tools tree, packages)
  std::string limaInstance;                      // --lima-instance NAME
};

enum class ParseOutcome { Run, ExitOk, UsageError };

/// Parses argv; prints help/version (ExitOk) or a usage error (UsageError).
ParseOutcome parseOptions(int argc, char **argv, Options &options, std::ostream &out, std::ostream &err);

}  // namespace tdxc
