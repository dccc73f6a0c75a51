// file:// URIs (RFC 8089) and local paths. The server only serves files on
// disk: imports and src = "..." are resolved relative to the document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tdxc::lsp {

/// The absolute path of a file:// URI (percent-decoded), or nullopt for other
/// schemes and malformed URIs.
std::optional<std::string> uriToPath(std::string_view uri);
/// A file:// URI for an absolute path (everything but unreserved characters
/// and '/' percent-encoded, as VS Code does).
std::string pathToUri(std::string_view path);

}  // namespace tdxc::lsp
