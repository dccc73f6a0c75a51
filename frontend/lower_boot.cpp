// Lowering of the boot-sequence blocks: init steps and debloat plans.
#include <fmt/format.h>

#include <regex>

#include "frontend/lower_blocks.h"

namespace tdxc {
namespace {

// Debloat paths are shell globs inside the image: absolute, no quotes or
// whitespace (they are emitted unquoted so that globs expand).
bool validDebloatPath(const std::string &path) {
  return path.size() > 1 && path[0] == '/' && path.find_first_of(" \t\r\n'\"\\$`;&|<>(){}") == std::string::npos &&
         path.find("..") == std::string::npos;
}

void appendChecked(std::vector<ir::LocatedString> &out, const CheckedBlock &block, const char *key,
                   bool (*valid)(const std::string &), const char *what, LowerContext &ctx) {
  for (ir::LocatedString &item : getStringList(block, key))
    if (require(valid(item.value), item.range, ctx, fmt::format("\"{}\" is not {}", item.value, what)))
      out.push_back(std::move(item));
}

bool validUnitName(const std::string &unit) {
  static const std::regex name(R"(^[A-Za-z0-9:_.@\\-]+\.(service|socket|target|timer|mount|path|slice|scope|swap)$)");
  return std::regex_match(unit, name);
}

void mergeFlag(std::optional<ir::Located<bool>> &slot, const CheckedBlock &block, const char *key, LowerContext &ctx) {
  auto value = getBool(block, key);
  if (!value) return;
  SourceRange at = rangeOfKey(block, key);
  if (slot && slot->value != *value) {
    ctx.diags
        .report(DiagKind::ConflictingKeys, at,
                fmt::format("debloat {} is {} here but {} in another debloat block", key, *value, slot->value))
        .notes.push_back({slot->range, "set here"});
    return;
  }
  if (!slot) slot = ir::Located<bool>{*value, at};
}

}  // namespace

std::optional<ir::InitStep> lowerInitStep(const CheckedBlock &block, LowerContext &ctx) {
  ir::InitStep step;
  step.name = {block.label(), block.labelRange()};
  step.range = block.range();
  if (!require(isFileWord(step.name.value), step.name.range, ctx,
               fmt::format("init step name \"{}\" must be letters, digits, '.', '_' and '-'", step.name.value)))
    return std::nullopt;
  step.priority = getInt(block, "priority").value_or(100);
  if (!require(step.priority >= 0 && step.priority <= 999, rangeOfKey(block, "priority"), ctx,
               "priority must be between 0 and 999"))
    return std::nullopt;
  std::string origin;
  auto body = contentOrSource(block, "run", ctx, origin);
  if (!body) return std::nullopt;
  step.script = std::move(*body);
  step.override = getBool(block, "override").value_or(false);
  return step;
}

void lowerDebloat(const CheckedBlock &block, ir::Content &content, LowerContext &ctx) {
  if (!content.debloat) {
    content.debloat.emplace();
    content.debloat->range = block.range();
  }
  ir::Debloat &plan = *content.debloat;
  mergeFlag(plan.enabled, block, "enabled", ctx);
  mergeFlag(plan.systemdMinimize, block, "systemd_minimize", ctx);
  mergeFlag(plan.useDefaults, block, "defaults", ctx);
  if (auto target = getString(block, "default_target")) {
    SourceRange at = rangeOfKey(block, "default_target");
    if (require(validUnitName(*target) && target->size() > 7 && target->substr(target->size() - 7) == ".target", at,
                ctx, fmt::format("\"{}\" is not a target unit name such as \"multi-user.target\"", *target))) {
      if (plan.defaultTarget && plan.defaultTarget->value != *target)
        ctx.diags
            .report(DiagKind::ConflictingKeys, at,
                    fmt::format("debloat default_target is \"{}\" here but \"{}\" in another debloat block", *target,
                                plan.defaultTarget->value))
            .notes.push_back({plan.defaultTarget->range, "set here"});
      else
        plan.defaultTarget = ir::LocatedString{*target, at};
    }
  }
  appendChecked(plan.pathsRemove, block, "paths_remove", validDebloatPath,
                "an absolute path (globs allowed; no spaces, quotes or '..')", ctx);
  appendChecked(plan.pathsKeep, block, "paths_keep", validDebloatPath,
                "an absolute path (globs allowed; no spaces, quotes or '..')", ctx);
  appendChecked(plan.unitsKeep, block, "units_keep", validUnitName, "a unit name such as \"systemd-networkd.service\"",
                ctx);
  appendChecked(plan.binsKeep, block, "bins_keep", isFileWord, "a program name such as \"systemd-cryptsetup\"", ctx);
}

}  // namespace tdxc
