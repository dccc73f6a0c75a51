// One lowering function per block kind (lower_files.cpp, lower_units.cpp).
#pragma once

#include "frontend/lower.h"

namespace tdxc {

std::optional<ir::FileEntry> lowerFile(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::User> lowerUser(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::Group> lowerGroup(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::Service> lowerService(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::Socket> lowerSocket(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::Script> lowerScript(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::Repository> lowerRepository(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::GitSource> lowerGitSource(const CheckedBlock &block, LowerContext &ctx);
std::optional<ir::Download> lowerDownload(const CheckedBlock &block, LowerContext &ctx);
/// Fills the image's policy from its policy block (lower_fetch.cpp).
void lowerPolicy(const CheckedBlock &block, ir::Policy &policy, LowerContext &ctx);
std::optional<ir::InitStep> lowerInitStep(const CheckedBlock &block, LowerContext &ctx);
/// Merges a debloat block into content.debloat (lower_boot.cpp).
void lowerDebloat(const CheckedBlock &block, ir::Content &content, LowerContext &ctx);
std::optional<ir::RawSection> lowerRawSection(const CheckedBlock &block, LowerContext &ctx, bool unitSection);

/// The text of `content = ...` or the bytes of `src = ...` (exactly one).
std::optional<std::string> contentOrSource(const CheckedBlock &block, const char *contentKey, LowerContext &ctx,
                                           std::string &origin);
/// The bytes of a file named by a key's string value, relative to the .tdx
/// file the value was written in (src = ..., keyring = ...).
std::optional<std::string> readRelativeFile(const CheckedEntry &entry, LowerContext &ctx);
/// Parses an octal mode string such as "0644".
std::optional<std::uint32_t> parseMode(const CheckedBlock &block, const char *key, std::uint32_t fallback,
                                       LowerContext &ctx);

/// Renders {{name}} placeholders; reports and returns nullopt on errors.
std::optional<std::string> renderTemplate(const std::string &text, const Value *vars, SourceRange textRange,
                                          LowerContext &ctx);

}  // namespace tdxc
