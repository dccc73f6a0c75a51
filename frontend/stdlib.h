// The standard library: stdlib/*.tdx compiled into the binary (see
// cmake/EmbedStdlib.cmake). `import "std/NAME"` loads stdlib/NAME.tdx.
#pragma once

#include <string_view>
#include <vector>

namespace tdxc {

struct StdlibFile {
  std::string_view name;  // "tdx" for stdlib/tdx.tdx
  std::string_view text;
};

const std::vector<StdlibFile> &stdlibFiles();

/// The embedded file for an import path "std/NAME", or nullptr.
const StdlibFile *findStdlibFile(std::string_view importPath);

}  // namespace tdxc
