#include "lsp/stdlib_on_disk.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "frontend/stdlib.h"
#include "support/sha256.h"

namespace tdxc::lsp {
namespace {

namespace fs = std::filesystem;

fs::path cacheRoot() {
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') return fs::path(xdg) / "tdxc";
  if (const char *home = std::getenv("HOME"); home != nullptr && *home == '/')
    return fs::path(home) / ".cache" / "tdxc";
  std::error_code ec;
  return fs::temp_directory_path(ec) / "tdxc";
}

// Writes every file into a temporary sibling, then renames it into place:
// a concurrent server either sees the complete directory or none.
std::optional<fs::path> materialize() {
  std::string all;
  for (const StdlibFile &file : stdlibFiles()) {
    all += file.name;
    all += '\0';
    all += file.text;
    all += '\0';
  }
  fs::path dir = cacheRoot() / ("stdlib-" + sha256Hex(all).substr(0, 16));
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return dir;
  fs::create_directories(dir.parent_path(), ec);
  fs::path temp = dir.string() + ".tmp-" + std::to_string(::getpid());
  fs::remove_all(temp, ec);
  if (!fs::create_directory(temp, ec)) return std::nullopt;
  for (const StdlibFile &file : stdlibFiles()) {
    fs::path target = temp / (std::string(file.name) + ".tdx");
    std::ofstream out(target, std::ios::binary);
    out.write(file.text.data(), static_cast<std::streamsize>(file.text.size()));
    if (!out) return std::nullopt;
    out.close();
    fs::permissions(target, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read, ec);
  }
  fs::rename(temp, dir, ec);
  if (ec) fs::remove_all(temp, ec);  // another server won the race
  if (fs::is_directory(dir, ec)) return dir;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> stdlibFileOnDisk(std::string_view displayPath) {
  const StdlibFile *file = findStdlibFile(displayPath);
  if (file == nullptr) return std::nullopt;
  static const std::optional<fs::path> dir = materialize();
  if (!dir) return std::nullopt;
  return (*dir / (std::string(file->name) + ".tdx")).string();
}

}  // namespace tdxc::lsp
