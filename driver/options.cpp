#include "driver/options.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "passes/pass.h"

namespace tdxc {
namespace {

constexpr const char *kVersion = "tdxc 0.1.0";

const char *kMainHelp = R"(tdxc - compile .tdx image descriptions into mkosi project trees

Usage:
  tdxc FILE -o DIR [options]        same as tdxc compile
  tdxc compile FILE -o DIR [options]
  tdxc check FILE [options]
  tdxc help [COMMAND] | --help | --version

  tdxc lock FILE [--lock PATH]
  tdxc bake FILE -o DIR [--profile P[,Q]]... [--frozen] [--backend local|nix|lima]
  tdxc explain debloat|init FILE [--profile P[,Q]]
  tdxc doc
  tdxc fmt [--check] FILE...
  tdxc lsp

Commands:
  compile   check FILE and write its mkosi tree to DIR (atomically)
  check     report diagnostics only; nothing is written
  lock      resolve git refs to commits and hash downloads into tdx.lock
  bake      compile, then build the image with mkosi and collect the artifacts
  explain   show the debloat plan or the init steps a build gets
  doc       print the standard library's reference (docs/stdlib.md) from its doc comments
  fmt       format .tdx files in the canonical style (--check: only report)
  lsp       run the language server on stdin/stdout (for editors)

Exit status: 0 success, 1 errors in the input, 2 usage errors.
Run 'tdxc help compile' for the options.
)";

const char *kCompileHelp = R"(Usage: tdxc compile FILE -o DIR [options]
       tdxc FILE -o DIR [options]

Compiles FILE into a mkosi project tree in DIR. The whole tree is built in
memory and replaces DIR in one rename; on any error DIR is left untouched.
DIR must be empty, absent, or a tree tdxc wrote before (it has a .tdxc-tree file).

Options:
  -o, --output DIR             where to write the tree (not needed with --emit)
  --var NAME=VALUE             set a 'var' declared in the source (repeatable)
  --emit=ast|ir|tree           print a stage's output to stdout (with -o the tree is also written)
  --print-ir-after=PASS|all    print the IR after a pass (passes: see below)
  --diagnostics-format=text|json
  --color=auto|always|never
  --no-snippets                one line per diagnostic, no source excerpt
  --error-limit=N              stop printing after N errors (0: no limit; default 50)
  --verify                     check diagnostics against // expected-error comments
  --lock FILE                  the lock to use (default: tdx.lock next to FILE)
  --no-lock                    ignore tdx.lock (git sources and downloads stay unpinned)
  --frozen                     require a lock that matches the source (E_LOCK_MISSING, E_LOCK_STALE)
  --check                      write nothing: compare DIR with the tree FILE compiles to and fail
                               if they differ (E_TREE_STALE); the differences are printed to stdout
                               as a unified diff (with --diagnostics-format=json: only listed in
                               the diagnostic's notes)
  -h, --help
)";

const char *kLockHelp = R"(Usage: tdxc lock FILE [--lock PATH] [--var NAME=VALUE]...

Resolves every git source's ref to the commit it names (git ls-remote) and
downloads every download to record its SHA-256, then writes tdx.lock next to
FILE (or PATH): versioned JSON with the recipe digest of the source, sorted,
written atomically. compile, check and bake use it; bake --frozen requires it
to match. Re-run it after changing the source.
)";

const char *kBakeHelp = R"(Usage: tdxc bake FILE -o DIR [options]

Compiles FILE into DIR/mkosi, then builds it with mkosi once per --profile
(none: the base image alone). Each build writes to DIR/NAME/ (NAME is the
profile list joined with '+', or "default"); DIR/bake-result.json lists every
artifact with its sha256 and target, DIR/report.json the effective packages,
installed package versions, script checksums and the lock digest. mkosi's
output is streamed and saved in DIR/logs/NAME.log.

Options:
  -o, --output DIR             where the tree, builds and reports go
  --profile P[,Q]              one build with these profiles (repeatable: one build each)
  --frozen                     refuse a missing or stale tdx.lock
  --lock FILE, --no-lock       as for compile
  --backend local|nix|lima     local: mkosi here (root, or unshare for a user);
                               nix: nix develop -c mkosi; lima: mkosi in a Lima VM
  --mkosi PATH                 the mkosi to run (default: $TDXC_MKOSI, the project's
                               .deps/bin/mkosi, then mkosi on PATH; needs >= 25)
  --mirror URL                 Debian archive for the image (overrides the .tdx mirror)
  --tools-tree-mirror URL      Debian archive for the mkosi tools tree
  --cache-dir DIR              keeps the tools tree and packages between bakes
                               (default: $TDXC_CACHE_DIR or ~/.cache/tdxc)
  --lima-instance NAME         Lima VM name (default: tdxc-builder)
  --var NAME=VALUE, --diagnostics-format, --color, --no-snippets
)";

const char *kExplainHelp = R"(Usage: tdxc explain debloat FILE [--profile P[,Q]] [--systemd-list FILE]
       tdxc explain init FILE [--profile P[,Q]]

debloat: the paths the build deletes, the units it keeps (and why), the
  units it masks (every other unit of the systemd package: listed from Debian
  trixie's systemd, or from --systemd-list FILE, a dpkg file list such as
  /var/lib/dpkg/info/systemd.list) and the systemd binaries it keeps.
init: the steps of /usr/bin/runtime-init in run order, and the units that
  start after runtime-init.service.
--profile selects the profiles the build uses (mkosi --profile), as a
comma-separated list or repeated; without it, the base image alone.
Also takes --var, --diagnostics-format, --color, --no-snippets.
)";

const char *kDocHelp = R"(Usage: tdxc doc

Prints the reference of every standard library module (parameters, types,
defaults and doc comments) as Markdown; docs/stdlib.md is this output.
)";

const char *kCheckHelp = R"(Usage: tdxc check FILE [options]

Reports every diagnostic in FILE and the files it imports; writes nothing.
With --diagnostics-format=json the report is one JSON document on stdout.

Options: --var, --emit, --print-ir-after, --diagnostics-format, --color,
--no-snippets, --error-limit, --verify (see 'tdxc help compile').
)";

bool valueOf(const std::string &arg, const char *name, std::string &value) {
  std::string prefix = std::string(name) + "=";
  if (arg.rfind(prefix, 0) != 0) return false;
  value = arg.substr(prefix.size());
  return true;
}

void printPasses(std::ostream &out) {
  out << "\nPasses, in order:\n";
  for (const Pass &pass : defaultPipeline()) out << fmt::format("  {:<24}{}\n", pass.name, pass.summary);
}

}  // namespace

ParseOutcome parseOptions(int argc, char **argv, Options &o, std::ostream &out, std::ostream &err) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto usage = [&](const std::string &message) {
    err << "tdxc: " << message << "\n(run 'tdxc --help' for usage)\n";
    return ParseOutcome::UsageError;
  };
  if (args.empty()) return usage("no input file");
  std::size_t i = 0;
  if (args[0] == "--version") {
    out << kVersion << '\n';
    return ParseOutcome::ExitOk;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::string topic = args.size() > 1 && args[0] == "help" ? args[1] : "";
    if (topic == "compile")
      out << kCompileHelp;
    else if (topic == "explain")
      out << kExplainHelp;
    else if (topic == "doc")
      out << kDocHelp;
    else if (topic == "check")
      out << kCheckHelp;
    else if (topic == "lock")
      out << kLockHelp;
    else if (topic == "bake")
      out << kBakeHelp;
    else if (topic.empty())
      out << kMainHelp;
    else
      return usage(fmt::format("no help for unknown command '{}'", topic));
    if (topic == "compile") printPasses(out);
    return ParseOutcome::ExitOk;
  }
  o.command = "compile";
  if (args[0] == "compile" || args[0] == "check" || args[0] == "lock" || args[0] == "bake") {
    o.command = args[0];
    ++i;
  } else if (args[0] == "doc") {
    o.command = "doc";
    if (args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) {
      out << kDocHelp;
      return ParseOutcome::ExitOk;
    }
    if (args.size() > 1) return usage("doc takes no arguments");
    return ParseOutcome::Run;
  } else if (args[0] == "explain") {
    o.command = "explain";
    if (args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) {
      out << kExplainHelp;
      return ParseOutcome::ExitOk;
    }
    if (args.size() < 2 || (args[1] != "debloat" && args[1] != "init"))
      return usage("explain needs a topic: tdxc explain debloat|init FILE");
    o.topic = args[1];
    i = 2;
  } else if (args[0].rfind('-', 0) != 0 && args[0].find('.') == std::string::npos && args.size() > 1) {
    return usage(
        fmt::format("unknown command '{}' (commands: compile, check, lock, bake, explain, doc, fmt, lsp)", args[0]));
  }
  for (; i < args.size(); ++i) {
    const std::string &a = args[i];
    std::string v;
    if (a == "-h" || a == "--help") {
      out << (o.command == "check"     ? kCheckHelp
              : o.command == "explain" ? kExplainHelp
              : o.command == "lock"    ? kLockHelp
              : o.command == "bake"    ? kBakeHelp
                                       : kCompileHelp);
      if (o.command == "compile") printPasses(out);
      return ParseOutcome::ExitOk;
    } else if (a == "-o" || a == "--output") {
      if (++i >= args.size()) return usage(a + " needs a directory");
      o.output = args[i];
    } else if (valueOf(a, "--output", v)) {
      o.output = v;
    } else if (a == "--var" || valueOf(a, "--var", v)) {
      if (a == "--var") {
        if (++i >= args.size()) return usage("--var needs NAME=VALUE");
        v = args[i];
      }
      std::size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0) return usage(fmt::format("--var needs NAME=VALUE, got '{}'", v));
      o.vars[v.substr(0, eq)] = v.substr(eq + 1);
    } else if (valueOf(a, "--emit", v)) {
      if (v != "ast" && v != "ir" && v != "tree")
        return usage(fmt::format("--emit takes ast, ir or tree, not '{}'", v));
      o.emit = v;
    } else if (valueOf(a, "--print-ir-after", v)) {
      bool known = v == "all";
      for (const Pass &pass : defaultPipeline()) known = known || v == pass.name;
      if (!known) return usage(fmt::format("--print-ir-after: no pass named '{}' (see 'tdxc help compile')", v));
      o.printIrAfter = v;
    } else if (valueOf(a, "--diagnostics-format", v)) {
      if (v != "text" && v != "json") return usage("--diagnostics-format takes text or json");
      o.diagnosticsFormat = v;
    } else if (valueOf(a, "--color", v)) {
      if (v != "auto" && v != "always" && v != "never") return usage("--color takes auto, always or never");
      o.color = v;
    } else if (a == "--no-snippets") {
      o.snippets = false;
    } else if (valueOf(a, "--error-limit", v)) {
      auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), o.errorLimit);
      if (ec != std::errc() || ptr != v.data() + v.size()) return usage("--error-limit takes a number");
    } else if (a == "--verify") {
      o.verify = true;
    } else if (o.command == "compile" && a == "--check") {
      o.checkTree = true;
    } else if ((o.command == "explain" || o.command == "bake") && (a == "--profile" || valueOf(a, "--profile", v))) {
      if (a == "--profile") {
        if (++i >= args.size()) return usage("--profile needs a profile name");
        v = args[i];
      }
      std::vector<std::string> group;
      std::size_t start = 0;
      while (start <= v.size()) {
        std::size_t comma = v.find(',', start);
        std::string name = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (name.empty()) return usage(fmt::format("--profile: empty profile name in '{}'", v));
        o.profiles.push_back(name);
        group.push_back(name);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      o.builds.push_back(group);
    } else if (o.command != "explain" && o.command != "doc" && (a == "--lock" || valueOf(a, "--lock", v))) {
      if (a == "--lock") {
        if (++i >= args.size()) return usage("--lock needs a file");
        v = args[i];
      }
      o.lockPath = v;
    } else if (o.command != "explain" && o.command != "lock" && a == "--no-lock") {
      o.noLock = true;
    } else if (o.command != "explain" && o.command != "lock" && a == "--frozen") {
      o.frozen = true;
    } else if (o.command == "bake" &&
               (a == "--backend" || valueOf(a, "--backend", v) || a == "--mirror" || valueOf(a, "--mirror", v) ||
                a == "--tools-tree-mirror" || valueOf(a, "--tools-tree-mirror", v) || a == "--mkosi" ||
                valueOf(a, "--mkosi", v) || a == "--cache-dir" || valueOf(a, "--cache-dir", v) ||
                a == "--lima-instance" || valueOf(a, "--lima-instance", v))) {
      std::string name = a.substr(0, a.find('='));
      if (a.find('=') == std::string::npos) {
        if (++i >= args.size()) return usage(fmt::format("{} needs a value", name));
        v = args[i];
      }
      if (v.empty()) return usage(fmt::format("{} needs a value", name));
      if (name == "--backend") {
        if (v != "local" && v != "nix" && v != "lima") return usage("--backend takes local, nix or lima");
        o.backend = v;
      } else if (name == "--mirror") {
        o.mirror = v;
      } else if (name == "--tools-tree-mirror") {
        o.toolsTreeMirror = v;
      } else if (name == "--mkosi") {
        o.mkosi = v;
      } else if (name == "--cache-dir") {
        o.cacheDir = v;
      } else {
        o.limaInstance = v;
      }
    } else if (o.command == "explain" && o.topic == "debloat" &&
               (a == "--systemd-list" || valueOf(a, "--systemd-list", v))) {
      if (a == "--systemd-list") {
        if (++i >= args.size()) return usage("--systemd-list needs a file");
        v = args[i];
      }
      o.systemdList = v;
    } else if (a.rfind('-', 0) == 0 && a != "-") {
      return usage(fmt::format("unknown option '{}'", a));
    } else if (o.input.empty()) {
      o.input = a;
    } else {
      return usage(fmt::format("more than one input file ('{}' and '{}')", o.input, a));
    }
  }
  if (o.input.empty()) return usage("no input file");
  if (o.command == "compile" && o.output.empty() && o.emit.empty() && o.printIrAfter.empty() && !o.verify)
    return usage("compile needs -o DIR (or --emit=..., or use 'tdxc check')");
  if (o.command == "bake" && o.output.empty()) return usage("bake needs -o DIR");
  if (o.checkTree && (o.output.empty() || o.verify))
    return usage("compile --check needs -o DIR (the tree to compare) and takes no --verify");
  if ((o.command == "lock" || o.command == "bake") && (!o.emit.empty() || !o.printIrAfter.empty() || o.verify))
    return usage(fmt::format("{} takes no --emit, --print-ir-after or --verify", o.command));
  if (o.noLock && (o.frozen || !o.lockPath.empty()))
    return usage("--no-lock cannot be combined with --frozen or --lock");
  if ((o.command == "check" || o.command == "explain" || o.command == "lock") && !o.output.empty())
    return usage(fmt::format("{} writes nothing; -o belongs to compile", o.command));
  if (o.command == "explain" && (!o.emit.empty() || !o.printIrAfter.empty() || o.verify))
    return usage("explain takes no --emit, --print-ir-after or --verify");
  if (o.diagnosticsFormat == "json" && (!o.emit.empty() || !o.printIrAfter.empty()))
    return usage("--diagnostics-format=json prints to stdout and cannot be combined with --emit or --print-ir-after");
  return ParseOutcome::Run;
}

}  // namespace tdxc
