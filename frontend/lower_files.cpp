// file, template and skeleton blocks.
#include <fmt/format.h>

#include "frontend/lower_blocks.h"
#include "frontend/module_loader.h"

namespace tdxc {

std::optional<std::string> contentOrSource(const CheckedBlock &block, const char *contentKey, LowerContext &ctx,
                                           std::string &origin) {
  const CheckedEntry *content = block.entry(contentKey);
  const CheckedEntry *src = block.entry("src");
  if (content && src) {
    ctx.diags
        .report(DiagKind::ConflictingKeys, src->keyRange, fmt::format("set either '{}' or 'src', not both", contentKey))
        .notes.push_back({content->keyRange, fmt::format("'{}' is set here", contentKey)});
    return std::nullopt;
  }
  if (!content && !src) {
    ctx.diags.report(DiagKind::MissingKey, block.labelRange(),
                     fmt::format("{} \"{}\" needs '{}' or 'src'", block.spec->kind, block.label(), contentKey));
    return std::nullopt;
  }
  if (content) {
    origin = contentKey;
    auto text = getString(block, contentKey);
    return text;
  }
  auto path = getString(block, "src");
  if (!path) return std::nullopt;
  auto bytes = readRelativeFile(*src, ctx);
  if (bytes) origin = "src " + *path;
  return bytes;
}

std::optional<std::string> readRelativeFile(const CheckedEntry &entry, LowerContext &ctx) {
  if (entry.value.kind != Value::Kind::String) return std::nullopt;
  const std::string &path = entry.value.str;
  if (!require(
          !path.empty() && path.front() != '/', entry.value.range, ctx,
          fmt::format("{} is relative to the .tdx file; absolute paths would make the build depend on this machine",
                      entry.key)))
    return std::nullopt;
  std::filesystem::path full = ctx.directoryOf(entry.value.range) / path;
  auto bytes = readFileBytes(full);
  if (!bytes)
    ctx.diags.report(DiagKind::SourceNotFound, entry.value.range,
                     fmt::format("cannot read '{}' (resolved to '{}')", path, full.lexically_normal().string()));
  return bytes;
}

std::optional<std::uint32_t> parseMode(const CheckedBlock &block, const char *key, std::uint32_t fallback,
                                       LowerContext &ctx) {
  auto text = getString(block, key);
  if (!text) return block.entry(key) ? std::nullopt : std::optional<std::uint32_t>(fallback);
  bool ok = (text->size() == 3 || text->size() == 4) && text->find_first_not_of("01234567") == std::string::npos;
  if (!require(ok, rangeOfKey(block, key), ctx,
               fmt::format("{} must be 3 or 4 octal digits such as \"0644\", got \"{}\"", key, *text)))
    return std::nullopt;
  return static_cast<std::uint32_t>(std::stoul(*text, nullptr, 8));
}

std::optional<ir::FileEntry> lowerFile(const CheckedBlock &block, LowerContext &ctx) {
  ir::FileEntry file;
  const std::string &kind = block.spec->kind;
  file.tree = kind == "skeleton" ? ir::FileTree::Skeleton : ir::FileTree::Extra;
  file.path = {block.label(), block.labelRange()};
  file.range = block.range();
  file.override = getBool(block, "override").value_or(false);
  auto content = contentOrSource(block, "content", ctx, file.origin);
  auto mode = parseMode(block, "mode", 0644, ctx);
  if (!content || !mode) return std::nullopt;
  file.mode = *mode;
  if (kind == "template") {
    const CheckedEntry *source = block.entry("content") ? block.entry("content") : block.entry("src");
    auto rendered = renderTemplate(*content, block.get("vars"), source->value.range, ctx);
    if (!rendered) return std::nullopt;
    file.content = std::move(*rendered);
    file.origin = "template " + file.origin;
  } else {
    file.content = std::move(*content);
  }
  if (auto owner = getString(block, "owner")) file.owner = {*owner, rangeOfKey(block, "owner")};
  if (auto group = getString(block, "group")) file.group = {*group, rangeOfKey(block, "group")};
  return file;
}

}  // namespace tdxc
