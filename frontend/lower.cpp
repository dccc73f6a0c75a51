#include "frontend/lower.h"

#include <fmt/format.h>

#include <regex>

#include "frontend/lower_blocks.h"

namespace tdxc {

std::optional<std::string> getString(const CheckedBlock &block, const std::string &key) {
  const Value *v = block.get(key);
  return v && v->kind == Value::Kind::String ? std::optional<std::string>(v->str) : std::nullopt;
}

std::optional<bool> getBool(const CheckedBlock &block, const std::string &key) {
  const Value *v = block.get(key);
  return v && v->kind == Value::Kind::Bool ? std::optional<bool>(v->boolean) : std::nullopt;
}

std::optional<std::int64_t> getInt(const CheckedBlock &block, const std::string &key) {
  const Value *v = block.get(key);
  return v && v->kind == Value::Kind::Int ? std::optional<std::int64_t>(v->integer) : std::nullopt;
}

std::vector<ir::LocatedString> getStringList(const CheckedBlock &block, const std::string &key) {
  std::vector<ir::LocatedString> out;
  if (const Value *v = block.get(key))
    for (const Value &item : v->list)
      if (item.kind == Value::Kind::String) out.push_back({item.str, item.range});
  return out;
}

SourceRange rangeOfKey(const CheckedBlock &block, const std::string &key) {
  if (const CheckedEntry *e = block.entry(key)) return e->value.range;
  return block.labelRange().valid() ? block.labelRange() : block.range();
}

bool isHttpOrFileUrl(const std::string &text) {
  static const std::regex url(R"(^(https?|file)://\S+$)");
  return std::regex_match(text, url);
}

bool isFileWord(const std::string &text) {
  static const std::regex word(R"(^[A-Za-z0-9][A-Za-z0-9_.-]*$)");
  return std::regex_match(text, word);
}

bool require(bool ok, SourceRange range, LowerContext &ctx, std::string message) {
  if (!ok) ctx.diags.report(DiagKind::InvalidValue, range, std::move(message));
  return ok;
}

ir::Image lowerImage(const CheckedBlock &image, LowerContext &ctx) {
  ir::Image result;
  result.name = {image.label(), image.labelRange()};
  result.range = image.range();
  lowerImageSettings(image, result.settings, ctx);
  lowerContent(image, result.base, ctx);
  for (const CheckedBlock &child : image.children) {
    if (child.spec->kind == "policy") lowerPolicy(child, result.policy, ctx);
    if (child.spec->kind != "profile") continue;
    ir::Profile profile;
    profile.name = {child.label(), child.labelRange()};
    profile.range = child.range();
    lowerContent(child, profile.content, ctx);
    result.profiles.push_back(std::move(profile));
  }
  return result;
}

}  // namespace tdxc
