// Lowering: checked blocks (type-correct values) to the typed IR. Checks that
// need more than a type live here: formats of names, modes and units, files
// that src = "..." names, template placeholders.
#pragma once

#include <filesystem>
#include <functional>

#include "diag/diagnostic_engine.h"
#include "frontend/type_check.h"
#include "ir/image.h"

namespace tdxc {

struct LowerContext {
  DiagnosticEngine &diags;
  /// The directory of the .tdx file that contains a range (src paths are relative to it).
  std::function<std::filesystem::path(SourceRange)> directoryOf;
};

ir::Image lowerImage(const CheckedBlock &image, LowerContext &ctx);

// Pieces of lowering, one per file (lower_settings.cpp, lower_content.cpp).
void lowerImageSettings(const CheckedBlock &image, ir::ImageSettings &settings, LowerContext &ctx);
void lowerContent(const CheckedBlock &block, ir::Content &content, LowerContext &ctx);

// Small shared helpers.
std::optional<std::string> getString(const CheckedBlock &block, const std::string &key);
std::optional<bool> getBool(const CheckedBlock &block, const std::string &key);
std::optional<std::int64_t> getInt(const CheckedBlock &block, const std::string &key);
std::vector<ir::LocatedString> getStringList(const CheckedBlock &block, const std::string &key);
/// Reports E_INVALID_VALUE at `range` and returns false if `ok` is false.
bool require(bool ok, SourceRange range, LowerContext &ctx, std::string message);
SourceRange rangeOfKey(const CheckedBlock &block, const std::string &key);
/// An http://, https:// or file:// URL without white space.
bool isHttpOrFileUrl(const std::string &text);
/// A name that becomes a file name or a shell word (scripts, repositories,
/// git sources, downloads): letters, digits, '.', '_' and '-', not first.
bool isFileWord(const std::string &text);

}  // namespace tdxc
