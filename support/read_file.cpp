#include "support/read_file.h"

#include <fstream>
#include <sstream>

namespace tdxc {

namespace fs = std::filesystem;

std::optional<std::string> readFileBytes(const fs::path &path) {
  // Inputs are source, templates and configs: anything larger (or a
  // pseudo-file such as /proc/kcore) is refused rather than read.
  constexpr std::uintmax_t kMaxBytes = 256u << 20;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buffer.str();
}

}  // namespace tdxc
