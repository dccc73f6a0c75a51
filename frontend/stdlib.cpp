#include "frontend/stdlib.h"

namespace tdxc {

const StdlibFile *findStdlibFile(std::string_view importPath) {
  constexpr std::string_view kPrefix = "std/";
  if (importPath.substr(0, kPrefix.size()) != kPrefix) return nullptr;
  std::string_view name = importPath.substr(kPrefix.size());
  if (name.size() > 4 && name.substr(name.size() - 4) == ".tdx") name.remove_suffix(4);
  for (const StdlibFile &file : stdlibFiles())
    if (file.name == name) return &file;
  return nullptr;
}

}  // namespace tdxc
