// The content of the image or of a profile: lists, overridable settings and
// the declaration blocks (dispatched to lower_files.cpp / lower_units.cpp).
#include <fmt/format.h>

#include <regex>

#include "frontend/lower_blocks.h"

namespace tdxc {
namespace {

bool hasSpace(const std::string &text) { return text.find_first_of(" \t\r\n") != std::string::npos; }

std::vector<ir::LocatedString> words(const CheckedBlock &block, const char *key, LowerContext &ctx, const char *what) {
  std::vector<ir::LocatedString> out;
  for (auto &item : getStringList(block, key))
    if (require(!item.value.empty() && !hasSpace(item.value) && item.value.find('#') == std::string::npos, item.range,
                ctx, fmt::format("{} \"{}\" must be one word without spaces or '#'", what, item.value)))
      out.push_back(item);
  return out;
}

const std::regex kEnvName(R"(^[A-Za-z_][A-Za-z0-9_]*$)");
const std::regex kUnitName(
    R"(^[A-Za-z0-9:_.@\\-]+\.(service|socket|target|timer|mount|path|slice|scope|device|swap|automount)$)");

std::string scalarText(const Value &value) {
  switch (value.kind) {
    case Value::Kind::Int: return std::to_string(value.integer);
    case Value::Kind::Bool: return value.boolean ? "true" : "false";
    default: return value.str;
  }
}

}  // namespace

void lowerContent(const CheckedBlock &block, ir::Content &content, LowerContext &ctx) {
  content.packages = words(block, "packages", ctx, "package");
  content.buildPackages = words(block, "build_packages", ctx, "package");
  content.toolsTreePackages = words(block, "tools_tree_packages", ctx, "package");
  content.kernelCmdline = words(block, "kernel_cmdline", ctx, "kernel command line word");
  for (auto &unit : getStringList(block, "enable"))
    if (require(std::regex_match(unit.value, kUnitName), unit.range, ctx,
                fmt::format("\"{}\" is not a unit name; write the full name such as \"ssh.service\"", unit.value)))
      content.enableUnits.push_back(unit);
  for (auto &name : getStringList(block, "environment_passthrough"))
    if (require(std::regex_match(name.value, kEnvName), name.range, ctx,
                fmt::format("\"{}\" is not a valid environment variable name", name.value)))
      content.environmentPassthrough.push_back(name);
  if (const Value *env = block.get("environment"))
    for (const MapItem &item : env->map)
      if (require(std::regex_match(item.key, kEnvName), item.keyRange, ctx,
                  fmt::format("\"{}\" is not a valid environment variable name", item.key)) &&
          require(scalarText(item.value).find_first_of("#\n") == std::string::npos, item.value.range, ctx,
                  "values in environment cannot contain '#' or newlines (mkosi.conf cuts the line at '#')"))
        content.environment.push_back({{item.key, item.keyRange}, scalarText(item.value)});

  ir::Settings &s = content.settings;
  if (auto hostname = getString(block, "hostname")) {
    static const std::regex host(R"(^[A-Za-z0-9]([A-Za-z0-9-]{0,62})$)");
    if (require(std::regex_match(*hostname, host), rangeOfKey(block, "hostname"), ctx,
                fmt::format("\"{}\" is not a valid hostname (letters, digits and '-', at most 63)", *hostname)))
      s.hostname = ir::LocatedString{*hostname, rangeOfKey(block, "hostname")};
  }
  if (auto network = getBool(block, "network")) s.network = ir::Located<bool>{*network, rangeOfKey(block, "network")};
  if (auto clean = getBool(block, "clean_package_metadata"))
    s.cleanPackageMetadata = ir::Located<bool>{*clean, rangeOfKey(block, "clean_package_metadata")};
  if (auto manifest = getString(block, "manifest_format"))
    s.manifestFormat = ir::LocatedString{*manifest, rangeOfKey(block, "manifest_format")};
  if (block.get("targets")) s.targets = getStringList(block, "targets");

  for (const CheckedBlock &child : block.children) {
    const std::string &kind = child.spec->kind;
    if (child.spec->labelRequired && !child.hasLabel()) continue;  // already reported
    if (kind == "file" || kind == "template" || kind == "skeleton") {
      if (auto file = lowerFile(child, ctx)) content.files.push_back(std::move(*file));
    } else if (kind == "user") {
      if (auto user = lowerUser(child, ctx)) content.users.push_back(std::move(*user));
    } else if (kind == "group") {
      if (auto group = lowerGroup(child, ctx)) content.groups.push_back(std::move(*group));
    } else if (kind == "service") {
      if (auto service = lowerService(child, ctx)) content.services.push_back(std::move(*service));
    } else if (kind == "socket") {
      if (auto socket = lowerSocket(child, ctx)) content.sockets.push_back(std::move(*socket));
    } else if (kind == "script") {
      if (auto script = lowerScript(child, ctx)) content.scripts.push_back(std::move(*script));
    } else if (kind == "repository") {
      if (auto repo = lowerRepository(child, ctx)) content.repositories.push_back(std::move(*repo));
    } else if (kind == "git") {
      if (auto source = lowerGitSource(child, ctx)) content.gitSources.push_back(std::move(*source));
    } else if (kind == "download") {
      if (auto download = lowerDownload(child, ctx)) content.downloads.push_back(std::move(*download));
    } else if (kind == "raw") {
      if (auto raw = lowerRawSection(child, ctx, false)) content.raw.push_back(std::move(*raw));
    } else if (kind == "init") {
      if (auto step = lowerInitStep(child, ctx)) content.initSteps.push_back(std::move(*step));
    } else if (kind == "debloat") {
      lowerDebloat(child, content, ctx);
    }
  }
}

}  // namespace tdxc
