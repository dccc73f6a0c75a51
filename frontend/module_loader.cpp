#include "frontend/module_loader.h"

#include <fmt/format.h>

#include <algorithm>

#include "frontend/ast_clone.h"
#include "frontend/parse.h"
#include "frontend/parsed_stdlib.h"
#include "frontend/stdlib.h"
#include "support/suggest.h"

namespace tdxc {

namespace fs = std::filesystem;

namespace {
std::string canonicalKey(const fs::path &path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return (ec ? path.lexically_normal() : canonical).string();
}
}  // namespace

std::vector<LoadedFile> ModuleLoader::load(const std::string &path) {
  auto text = readFileBytes(path);
  if (!text) {
    diags_.report(DiagKind::ReadFailed, {}, fmt::format("cannot read '{}': no such file or not a regular file", path));
    return {};
  }
  return loadText(path, std::move(*text));
}

std::vector<LoadedFile> ModuleLoader::loadText(const std::string &displayPath, std::string text) {
  files_.clear();
  loadedKeys_.clear();
  FileId id = sources_.add(displayPath, std::move(text));
  fs::path directory = fs::path(displayPath).parent_path();
  stack_.push_back(canonicalKey(displayPath));
  loadedKeys_.push_back(stack_.back());
  loadRecursive(id, directory);
  stack_.clear();
  return std::move(files_);
}

// Standard library files are loaded from the binary under the display path
// "std/NAME.tdx"; they may import each other, relative to "std/".
void ModuleLoader::loadStdlib(const ast::Import &import) {
  const StdlibFile *file = findStdlibFile(import.path);
  if (file == nullptr) {
    std::vector<std::string> names;
    for (const StdlibFile &f : stdlibFiles()) names.push_back("std/" + std::string(f.name));
    auto &d = diags_.report(DiagKind::ImportNotFound, import.range,
                            fmt::format("no standard library file '{}'", import.path));
    if (auto suggestion = closestMatch(import.path, names))
      d.notes.push_back({{}, fmt::format("did you mean \"{}\"?", *suggestion)});
    return;
  }
  std::string key = "<std>/" + std::string(file->name);
  if (std::find(loadedKeys_.begin(), loadedKeys_.end(), key) != loadedKeys_.end()) return;
  loadedKeys_.push_back(key);
  stack_.push_back(key);
  if (!loadCachedStdlib(std::string(file->name)))
    loadRecursive(sources_.add("std/" + std::string(file->name) + ".tdx", std::string(file->text)), "std");
  stack_.pop_back();
}

bool ModuleLoader::loadCachedStdlib(const std::string &name) {
  if (stdlib_ == nullptr) return false;
  const ParsedStdlib::File *cached = stdlib_->find(name);
  // The cached AST's FileId must name the same file in our manager.
  if (cached == nullptr || cached->ast.file >= sources_.size() ||
      sources_.file(cached->ast.file).path() != "std/" + name + ".tdx")
    return false;
  for (const Diagnostic &d : cached->diagnostics) {
    Diagnostic &copy = diags_.report(d.kind, d.range, d.message);
    copy.notes = d.notes;
    copy.fixits = d.fixits;
  }
  std::size_t index = files_.size();
  files_.push_back({ast::clone(cached->ast), "std"});
  loadImportsOf(index, "std");
  return true;
}

void ModuleLoader::loadRecursive(FileId id, const fs::path &directory) {
  std::size_t index = files_.size();
  std::vector<Token> *tokens = index == 0 ? rootTokens_ : nullptr;
  files_.push_back({parseFile(sources_.file(id), diags_, tokens), directory});
  loadImportsOf(index, directory);
}

void ModuleLoader::loadImportsOf(std::size_t index, const fs::path &directory) {
  std::vector<ast::Import> imports = files_[index].ast.imports;  // copy: files_ grows below
  for (const ast::Import &import : imports) {
    if (import.path.rfind("std/", 0) == 0) {
      loadStdlib(import);
      continue;
    }
    fs::path target = (directory / import.path).lexically_normal();
    std::string key = canonicalKey(target);
    if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
      diags_.report(DiagKind::ImportCycle, import.range,
                    fmt::format("importing '{}' forms a cycle: it is already being imported", import.path));
      continue;
    }
    if (std::find(loadedKeys_.begin(), loadedKeys_.end(), key) != loadedKeys_.end()) continue;
    auto text = readFileBytes(target);
    if (!text) {
      diags_.report(DiagKind::ImportNotFound, import.range,
                    fmt::format("cannot import '{}': '{}' does not exist", import.path, target.string()));
      continue;
    }
    loadedKeys_.push_back(key);
    stack_.push_back(key);
    loadRecursive(sources_.add(target.string(), std::move(*text)), target.parent_path());
    stack_.pop_back();
  }
}

}  // namespace tdxc
