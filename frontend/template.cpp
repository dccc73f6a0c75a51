// {{name}} templates, rendered at compile time so the emitted tree holds the
// final bytes a reviewer can read.
#include <fmt/format.h>

#include <set>

#include "frontend/lower_blocks.h"

namespace tdxc {

std::optional<std::string> renderTemplate(const std::string &text, const Value *vars, SourceRange textRange,
                                          LowerContext &ctx) {
  std::string out;
  std::set<std::string> used;
  bool ok = true;
  std::size_t pos = 0;
  auto lineOf = [&](std::size_t offset) {
    return 1 + std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n');
  };
  while (pos < text.size()) {
    std::size_t open = text.find("{{", pos);
    if (open == std::string::npos) {
      out.append(text, pos, std::string::npos);
      break;
    }
    out.append(text, pos, open - pos);
    std::size_t close = text.find("}}", open + 2);
    std::string name = close == std::string::npos ? "" : text.substr(open + 2, close - open - 2);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    bool valid = !name.empty() &&
                 name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.") ==
                     std::string::npos &&
                 name.front() != '.' && name.back() != '.';
    if (close == std::string::npos || !valid) {
      ctx.diags.report(DiagKind::TemplateSyntax, textRange,
                       fmt::format("template line {}: '{{{{' must be followed by a name and '}}}}', e.g. {{{{port}}}}",
                                   lineOf(open)));
      ok = false;
      pos = close == std::string::npos ? text.size() : close + 2;
      continue;
    }
    const Value *value = vars ? vars->find(name) : nullptr;
    if (!value) {
      ctx.diags.report(DiagKind::TemplateUndefined, textRange,
                       fmt::format("template line {}: no variable '{}' in vars", lineOf(open), name));
      ok = false;
    } else {
      used.insert(name);
      out += value->kind == Value::Kind::Int    ? std::to_string(value->integer)
             : value->kind == Value::Kind::Bool ? (value->boolean ? "true" : "false")
                                                : value->str;
    }
    pos = close + 2;
  }
  if (vars)
    for (const MapItem &item : vars->map)
      if (!used.count(item.key))
        ctx.diags.report(DiagKind::TemplateUnusedVar, item.keyRange,
                         fmt::format("template variable '{}' is not used by any placeholder", item.key));
  return ok ? std::optional<std::string>(out) : std::nullopt;
}

}  // namespace tdxc
