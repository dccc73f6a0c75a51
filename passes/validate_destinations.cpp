// Destinations must be clean absolute image paths: a relative path, '..' or
// '//' would make the emitted tree ambiguous or escape the image root.
#include <fmt/format.h>

#include "passes/pass.h"

namespace tdxc {
namespace {

// Returns an error message, or empty when the path is clean.
std::string pathProblem(const std::string &path) {
  if (path.empty()) return "the path is empty";
  if (path.front() != '/') return "the path is relative; image paths start with '/'";
  if (path == "/") return "the path is the image root itself, not a file";
  if (path.back() == '/') return "the path ends with '/'; name the file";
  if (path.find_first_of(std::string("\n\r\t\0", 4)) != std::string::npos)
    return "the path contains a control character";
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    std::string part = path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    if (part.empty()) return "the path contains '//'";
    if (part == "." || part == "..") return fmt::format("the path contains '{}'", part);
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  return {};
}

std::string normalized(const std::string &path) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    std::string part = path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  std::string out;
  for (const std::string &part : parts) out += "/" + part;
  return out;
}

void check(const ir::Content &content, PassContext &ctx) {
  for (const ir::FileEntry &file : content.files) {
    std::string problem = pathProblem(file.path.value);
    if (problem.empty()) continue;
    auto &d = ctx.diags.report(DiagKind::InvalidPath, file.path.range,
                               fmt::format("\"{}\" is not a clean absolute image path: {}", file.path.value, problem));
    std::string fixed = normalized(file.path.value);
    if (!fixed.empty() && fixed != file.path.value && pathProblem(fixed).empty()) {
      d.notes.push_back({{}, fmt::format("did you mean \"{}\"?", fixed)});
      d.fixits.push_back({file.path.range, "\"" + fixed + "\""});
    }
  }
}

}  // namespace

void validateDestinations(ir::Image &image, PassContext &ctx) {
  check(image.base, ctx);
  for (const ir::Profile &profile : image.profiles) check(profile.content, ctx);
}

}  // namespace tdxc
