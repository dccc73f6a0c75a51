// Go-to-definition must name a file the editor can open, but the standard
// library is embedded in the binary. Its files are written once, read-only,
// to $XDG_CACHE_HOME/tdxc/stdlib-HASH/ (~/.cache without XDG_CACHE_HOME; the
// system temp directory without a home), where HASH covers their contents, so
// two tdxc versions never share a directory.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tdxc::lsp {

/// The path on disk of a stdlib file given its display path ("std/tdx.tdx"),
/// writing the library out on first use; nullopt if that is impossible.
std::optional<std::string> stdlibFileOnDisk(std::string_view displayPath);

}  // namespace tdxc::lsp
