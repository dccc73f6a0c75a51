// tdxc doc: the standard library's reference as Markdown, from the modules'
// and parameters' doc comments (docs/stdlib.md is this output).
#include <fmt/format.h>

#include "driver/commands.h"
#include "frontend/ast_dump.h"
#include "frontend/builtins.h"
#include "frontend/module_loader.h"
#include "frontend/module_table.h"
#include "frontend/stdlib.h"

namespace tdxc {
namespace {

// Table cells are one line; a pipe would end the cell.
std::string cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += ' ';
    else if (c == '|')
      out += "\\|";
    else
      out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string sourceText(const SourceManager &sources, SourceRange range) {
  const std::string &text = sources.file(range.file).text();
  return text.substr(range.begin, range.end - range.begin);
}

}  // namespace

int runDoc(const Options &options, std::ostream &out, std::ostream &err) {
  SourceManager sources;
  DiagnosticEngine diags;
  std::string imports;
  for (const StdlibFile &file : stdlibFiles()) imports += fmt::format("import \"std/{}\"\n", file.name);
  ModuleLoader loader(sources, diags);
  std::vector<LoadedFile> files = loader.loadText("<tdxc doc>", imports);
  ModuleTable modules;
  for (const LoadedFile &file : files)
    for (const ast::ModuleDecl &module : file.ast.modules) modules.define(module, diags);
  if (diags.hasErrors()) return finishDiagnostics(options, sources, diags, out, err);

  for (const ModuleInfo *info : modules.all()) {
    const ast::ModuleDecl &m = *info->decl;
    const std::string &path = sources.file(m.nameRange.file).path();
    std::string stem = path.substr(4, path.size() - 8);  // "std/NAME.tdx" -> NAME
    out << fmt::format("## {}\n\n`import \"std/{}\"` (or `import \"std/tdx\"`), then `use {} {{ ... }}`\n\n", m.name,
                       stem, m.name);
    if (!m.doc.empty()) out << m.doc << '\n';
    out << "| Parameter | Type | Default | Description |\n|---|---|---|---|\n";
    for (const ast::ParamDecl &param : m.params) {
      std::string def = param.defaultValue ? fmt::format("`{}`", cell(sourceText(sources, param.defaultValue->range)))
                                           : std::string("required");
      out << fmt::format("| `{}` | `{}` | {} | {} |\n", param.name, cell(typeExprText(param.type)), def,
                         cell(param.doc));
    }
    out << '\n';
  }
  out << "## Built-in functions\n\n| Function | Description |\n|---|---|\n";
  for (const BuiltinInfo &builtin : allBuiltins())
    out << fmt::format("| `{}` | {} |\n", builtin.signature, builtin.doc);
  return 0;
}

}  // namespace tdxc
