// tdxc fmt [--check] FILES: formats .tdx files in place (atomically), or with
// --check reports which files would change and how, without writing.
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "diag/render.h"
#include "driver/commands.h"
#include "format/formatter.h"
#include "frontend/module_loader.h"
#include "support/atomic_file.h"
#include "support/unified_diff.h"

namespace tdxc {
namespace {

namespace fs = std::filesystem;

constexpr const char *kFmtHelp = R"(Usage: tdxc fmt [--check] FILE...

Formats each FILE in the canonical style (docs/formatting.md). Only the
whitespace between tokens changes; comments and strings are kept byte for
byte. A file is replaced atomically (a temporary file, then one rename) and
only if its text changes. A file with syntax errors is left unchanged and its
errors are printed.

Options:
  --check      write nothing; print a diff for each file that would change
  -h, --help

Exit status: 0 all files are (now) formatted, 1 a file would change (--check),
has syntax errors or cannot be read or written, 2 usage errors.
)";

// Writes next to the file and renames over it, keeping its permission bits;
// a symlink is followed, so the link stays a link.
bool replaceAtomically(const std::string &path, const std::string &text, std::string &error) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);
  if (ec) {
    error = ec.message();
    return false;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  // Through the symlink to the file itself, keeping its mode.
  return writeFileAtomically(target.string(), text, error, st.st_mode & 07777);
}

}  // namespace

int runFmt(int argc, char **argv, std::ostream &out, std::ostream &err) {
  bool check = false;
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-h" || a == "--help") {
      out << kFmtHelp;
      return 0;
    }
    if (a == "--check") {
      check = true;
    } else if (a.size() > 1 && a[0] == '-') {
      err << "tdxc: fmt: unknown option '" << a << "'\n(run 'tdxc fmt --help' for usage)\n";
      return 2;
    } else {
      files.emplace_back(a);
    }
  }
  if (files.empty()) {
    err << "tdxc: fmt needs at least one file\n(run 'tdxc fmt --help' for usage)\n";
    return 2;
  }
  bool failed = false;
  for (const std::string &path : files) {
    SourceManager sources;
    DiagnosticEngine diags;
    auto text = readFileBytes(path);
    if (!text) {
      diags.report(DiagKind::ReadFailed, {}, fmt::format("cannot read '{}': no such file or not a regular file", path));
      renderText(err, sources, diags.sorted(), TextRenderOptions{});
      failed = true;
      continue;
    }
    FileId id = sources.add(path, *text);
    format::FormatResult result = format::formatSource(sources.file(id), diags);
    switch (result.status) {
      case format::FormatStatus::SyntaxErrors:
        err << "tdxc: " << path << " was not formatted: it has syntax errors\n";
        renderText(err, sources, diags.sorted(), TextRenderOptions{});
        failed = true;
        continue;
      case format::FormatStatus::InternalError:
        err << "tdxc: internal error: formatting " << path << " would change its tokens; left unchanged\n";
        failed = true;
        continue;
      case format::FormatStatus::Ok: break;
    }
    if (result.text == *text) continue;
    if (check) {
      out << path << ": not formatted\n";
      out << unifiedDiff(*text, result.text, path, path + " (formatted)");
      failed = true;
      continue;
    }
    std::string error;
    if (!replaceAtomically(path, result.text, error)) {
      err << "tdxc: cannot write '" << path << "': " << error << '\n';
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

}  // namespace tdxc
