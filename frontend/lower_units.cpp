// user, group, service, socket, script, repository and raw blocks.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "frontend/lower_blocks.h"

namespace tdxc {
namespace {

const std::regex kEnvName(R"(^[A-Za-z_][A-Za-z0-9_]*$)");
const std::regex kRawKey(R"(^[A-Z][A-Za-z0-9]*$)");

const std::regex kAccountName(R"(^[a-z_][a-z0-9_-]{0,30}$)");
const std::regex kUnitBase(R"(^[A-Za-z0-9:_.@\\-]+$)");
const std::regex kUnitName(
    R"(^[A-Za-z0-9:_.@\\-]+\.(service|socket|target|timer|mount|path|slice|scope|device|swap|automount)$)");

bool checkUnitBase(const CheckedBlock &block, const char *suffix, LowerContext &ctx) {
  const std::string name = block.label();
  if (!require(std::regex_match(name, kUnitBase), block.labelRange(), ctx,
               fmt::format("\"{}\" is not a valid unit name (letters, digits and :_.@-)", name)))
    return false;
  std::string dotted = std::string(".") + suffix;
  return require(name.size() <= dotted.size() || name.compare(name.size() - dotted.size(), dotted.size(), dotted) != 0,
                 block.labelRange(), ctx,
                 fmt::format("write {} \"{}\"; tdxc adds the {} suffix itself", block.spec->kind,
                             name.substr(0, name.size() - dotted.size()), dotted));
}

std::vector<ir::LocatedString> unitList(const CheckedBlock &block, const char *key, LowerContext &ctx) {
  std::vector<ir::LocatedString> out;
  for (auto &unit : getStringList(block, key))
    if (require(std::regex_match(unit.value, kUnitName), unit.range, ctx,
                fmt::format("\"{}\" is not a unit name; write the full name such as \"network-online.target\"",
                            unit.value)))
      out.push_back(unit);
  return out;
}

std::optional<ir::LocatedString> account(const CheckedBlock &block, const char *key, LowerContext &ctx) {
  auto name = getString(block, key);
  if (!name) return std::nullopt;
  if (!require(std::regex_match(*name, kAccountName), rangeOfKey(block, key), ctx,
               fmt::format("\"{}\" is not a valid user or group name", *name)))
    return std::nullopt;
  return ir::LocatedString{*name, rangeOfKey(block, key)};
}

bool absolutePath(const std::string &path) { return !path.empty() && path.front() == '/'; }

}  // namespace

std::optional<ir::User> lowerUser(const CheckedBlock &block, LowerContext &ctx) {
  ir::User user;
  user.name = {block.label(), block.labelRange()};
  user.range = block.range();
  if (!require(std::regex_match(user.name.value, kAccountName), user.name.range, ctx,
               fmt::format("\"{}\" is not a valid user name (lower-case letters, digits, '_' and '-', at most 31)",
                           user.name.value)))
    return std::nullopt;
  user.system = getBool(block, "system").value_or(true);
  user.uid = getInt(block, "uid");
  if (user.uid &&
      !require(*user.uid > 0 && *user.uid < 60000, rangeOfKey(block, "uid"), ctx, "uid must be between 1 and 59999"))
    return std::nullopt;
  // sysusers.d fields are separated by whitespace.
  auto noSpace = [](const std::string &text) { return text.find_first_of(" \t\n") == std::string::npos; };
  if (auto home = getString(block, "home")) {
    if (!require(absolutePath(*home) && noSpace(*home), rangeOfKey(block, "home"), ctx,
                 "home must be an absolute path without spaces"))
      return std::nullopt;
    user.home = *home;
  }
  user.createHome = getBool(block, "create_home").value_or(block.entry("home") != nullptr);
  if (auto shell = getString(block, "shell")) {
    if (!require(absolutePath(*shell) && noSpace(*shell), rangeOfKey(block, "shell"), ctx,
                 "shell must be an absolute path without spaces"))
      return std::nullopt;
    user.shell = *shell;
  }
  user.description = getString(block, "description").value_or(user.name.value);
  if (!require(user.description.find_first_of("\"\n\\") == std::string::npos, rangeOfKey(block, "description"), ctx,
               "description cannot contain quotes, backslashes or newlines"))
    return std::nullopt;
  user.groups = getStringList(block, "groups");
  user.external = getBool(block, "external").value_or(false);
  user.override = getBool(block, "override").value_or(false);
  return user;
}

std::optional<ir::Group> lowerGroup(const CheckedBlock &block, LowerContext &ctx) {
  ir::Group group;
  group.name = {block.label(), block.labelRange()};
  group.range = block.range();
  if (!require(std::regex_match(group.name.value, kAccountName), group.name.range, ctx,
               fmt::format("\"{}\" is not a valid group name", group.name.value)))
    return std::nullopt;
  group.gid = getInt(block, "gid");
  if (group.gid &&
      !require(*group.gid > 0 && *group.gid < 60000, rangeOfKey(block, "gid"), ctx, "gid must be between 1 and 59999"))
    return std::nullopt;
  group.external = getBool(block, "external").value_or(false);
  group.override = getBool(block, "override").value_or(false);
  return group;
}

std::optional<ir::Service> lowerService(const CheckedBlock &block, LowerContext &ctx) {
  if (!checkUnitBase(block, "service", ctx)) return std::nullopt;
  ir::Service svc;
  svc.name = {block.label(), block.labelRange()};
  svc.range = block.range();
  for (auto &arg : getStringList(block, "exec")) svc.exec.push_back(arg.value);
  svc.execRange = rangeOfKey(block, "exec");
  if (block.get("exec") &&
      !require(!svc.exec.empty() && absolutePath(svc.exec.front()), svc.execRange, ctx,
               "exec must start with the absolute path of the program, e.g. [\"/usr/bin/app\", \"--flag\"]"))
    return std::nullopt;
  if (!block.get("exec")) return std::nullopt;
  for (const std::string &arg : svc.exec)
    if (!require(arg.find('\n') == std::string::npos, svc.execRange, ctx, "exec arguments cannot contain newlines"))
      return std::nullopt;
  svc.description = getString(block, "description").value_or(svc.name.value);
  // A newline would start a new unit line: User=root could be smuggled in.
  if (!require(svc.description.find_first_of("\r\n") == std::string::npos, rangeOfKey(block, "description"), ctx,
               "description cannot contain newlines"))
    return std::nullopt;
  svc.type = getString(block, "type").value_or("simple");
  svc.user = account(block, "user", ctx);
  svc.group = account(block, "group", ctx);
  svc.after = unitList(block, "after", ctx);
  svc.requiresUnits = unitList(block, "requires", ctx);
  svc.wants = unitList(block, "wants", ctx);
  svc.wantedBy = block.get("wanted_by") ? unitList(block, "wanted_by", ctx)
                                        : std::vector<ir::LocatedString>{{"multi-user.target", block.range()}};
  svc.restart = getString(block, "restart").value_or("no");
  svc.restartSec = getInt(block, "restart_sec");
  if (const Value *env = block.get("environment")) {
    for (const MapItem &item : env->map) {
      std::string text = item.value.kind == Value::Kind::Int    ? std::to_string(item.value.integer)
                         : item.value.kind == Value::Kind::Bool ? (item.value.boolean ? "true" : "false")
                                                                : item.value.str;
      if (require(std::regex_match(item.key, kEnvName), item.keyRange, ctx,
                  fmt::format("\"{}\" is not a valid environment variable name", item.key)) &&
          require(text.find('\n') == std::string::npos, item.value.range, ctx,
                  "environment values cannot contain newlines"))
        svc.environment.push_back({item.key, text});
    }
    std::sort(svc.environment.begin(), svc.environment.end());
  }
  if (auto dir = getString(block, "working_directory")) {
    if (!require(absolutePath(*dir) && dir->find_first_of("\r\n") == std::string::npos,
                 rangeOfKey(block, "working_directory"), ctx, "working_directory must be an absolute path on one line"))
      return std::nullopt;
    svc.workingDirectory = *dir;
  }
  svc.hardening = getString(block, "hardening").value_or("none");
  svc.enabled = getBool(block, "enabled").value_or(true);
  svc.afterInit = getBool(block, "after_init").value_or(true);
  svc.expandEnvironment = getBool(block, "expand_environment").value_or(false);
  svc.override = getBool(block, "override").value_or(false);
  for (const CheckedBlock &child : block.children)
    if (auto raw = lowerRawSection(child, ctx, true)) svc.extra.push_back(std::move(*raw));
  return svc;
}

std::optional<ir::Socket> lowerSocket(const CheckedBlock &block, LowerContext &ctx) {
  if (!checkUnitBase(block, "socket", ctx)) return std::nullopt;
  ir::Socket sock;
  sock.name = {block.label(), block.labelRange()};
  sock.range = block.range();
  for (auto &listen : getStringList(block, "listen")) {
    if (!require(!listen.value.empty() && listen.value.find_first_of(" \t\n") == std::string::npos, listen.range, ctx,
                 "listen entries are a socket path or a port, without spaces"))
      return std::nullopt;
    sock.listen.push_back(listen.value);
  }
  if (block.get("listen") &&
      !require(!sock.listen.empty(), rangeOfKey(block, "listen"), ctx, "listen needs at least one socket path or port"))
    return std::nullopt;
  if (sock.listen.empty()) return std::nullopt;
  sock.kind = getString(block, "kind").value_or("stream");
  sock.description = getString(block, "description").value_or(sock.name.value + " socket");
  if (!require(sock.description.find_first_of("\r\n") == std::string::npos, rangeOfKey(block, "description"), ctx,
               "description cannot contain newlines"))
    return std::nullopt;
  sock.service = {getString(block, "service").value_or(sock.name.value),
                  block.entry("service") ? rangeOfKey(block, "service") : block.labelRange()};
  if (auto mode = parseMode(block, "mode", 0660, ctx))
    sock.mode = fmt::format("{:04o}", *mode);
  else
    return std::nullopt;
  sock.user = account(block, "user", ctx);
  sock.group = account(block, "group", ctx);
  sock.enabled = getBool(block, "enabled").value_or(true);
  sock.afterInit = getBool(block, "after_init").value_or(true);
  sock.override = getBool(block, "override").value_or(false);
  return sock;
}

std::optional<ir::Script> lowerScript(const CheckedBlock &block, LowerContext &ctx) {
  ir::Script script;
  script.name = {block.label(), block.labelRange()};
  script.range = block.range();
  if (!require(isFileWord(script.name.value), script.name.range, ctx,
               fmt::format("script name \"{}\" becomes a file name: use letters, digits, '.', '_' and '-'",
                           script.name.value)))
    return std::nullopt;
  static const std::vector<std::pair<std::string, ir::Phase>> phases = {
      {"sync", ir::Phase::Sync},         {"prepare", ir::Phase::Prepare},   {"build", ir::Phase::Build},
      {"postinst", ir::Phase::Postinst}, {"finalize", ir::Phase::Finalize}, {"postoutput", ir::Phase::Postoutput},
      {"clean", ir::Phase::Clean}};
  auto phase = getString(block, "phase");
  if (!phase) return std::nullopt;
  for (const auto &[name, value] : phases)
    if (name == *phase) script.phase = value;
  script.chroot = getBool(block, "chroot").value_or(false);
  bool chrootable = script.phase == ir::Phase::Prepare || script.phase == ir::Phase::Build ||
                    script.phase == ir::Phase::Postinst || script.phase == ir::Phase::Finalize;
  if (script.chroot &&
      !require(chrootable, rangeOfKey(block, "chroot"), ctx,
               fmt::format("mkosi runs only prepare, build, postinst and finalize scripts inside the image, not {}",
                           *phase)))
    return std::nullopt;
  std::string origin;
  auto body = contentOrSource(block, "run", ctx, origin);
  if (!body) return std::nullopt;
  script.content = std::move(*body);
  script.override = getBool(block, "override").value_or(false);
  return script;
}

std::optional<ir::Repository> lowerRepository(const CheckedBlock &block, LowerContext &ctx) {
  ir::Repository repo;
  repo.name = {block.label(), block.labelRange()};
  repo.range = block.range();
  if (!require(isFileWord(repo.name.value), repo.name.range, ctx,
               fmt::format("repository name \"{}\" becomes a file name: use letters, digits, '.', '_' and '-'",
                           repo.name.value)))
    return std::nullopt;
  // mkosi.sources is the distribution's own sources file (emit_sources.cpp).
  if (!require(repo.name.value != "mkosi", repo.name.range, ctx,
               "the repository name \"mkosi\" is reserved for the distribution's sources; choose another name"))
    return std::nullopt;
  auto url = getString(block, "url");
  if (!url) return std::nullopt;
  if (!require(isHttpOrFileUrl(*url), rangeOfKey(block, "url"), ctx, "url must be an http(s):// or file:// URL"))
    return std::nullopt;
  repo.url = *url;
  for (auto &suite : getStringList(block, "suites")) repo.suites.push_back(suite.value);
  for (auto &component : getStringList(block, "components")) repo.components.push_back(component.value);
  if (!block.entry("components")) repo.components = {"main"};
  for (const auto *list : {&repo.suites, &repo.components})
    for (const std::string &word : *list)
      if (!require(!word.empty() && word.find_first_of(" \t\n") == std::string::npos, block.labelRange(), ctx,
                   fmt::format("suite or component \"{}\" must be one word", word)))
        return std::nullopt;
  if (block.entry("keyring")) {
    auto path = getString(block, "keyring");
    if (!path) return std::nullopt;
    std::string extension = path->size() > 4 ? path->substr(path->size() - 4) : "";
    if (!require(extension == ".gpg" || extension == ".asc", rangeOfKey(block, "keyring"), ctx,
                 "keyring must be a .gpg (binary) or .asc (armored) key file"))
      return std::nullopt;
    auto bytes = readRelativeFile(*block.entry("keyring"), ctx);
    if (!bytes) return std::nullopt;
    repo.keyring = std::move(*bytes);
    repo.keyringExtension = extension.substr(1);
  }
  repo.priority = getInt(block, "priority");
  repo.override = getBool(block, "override").value_or(false);
  return repo;
}

namespace {

// Keys tdxc writes itself; a raw copy would silently fight the typed key.
const std::vector<std::pair<std::string, std::string>> kManagedKeys = {
    {"Distribution", "base"},
    {"Release", "base"},
    {"Architecture", "arch"},
    {"Format", "format"},
    {"ImageId", "image_id"},
    {"ManifestFormat", "manifest_format"},
    {"Seed", "seed"},
    {"SourceDateEpoch", "source_date_epoch"},
    {"CleanPackageMetadata", "clean_package_metadata"},
    {"Packages", "packages"},
    {"BuildPackages", "build_packages"},
    {"KernelCommandLine", "kernel_cmdline"},
    {"Hostname", "hostname"},
    {"WithNetwork", "network"},
    {"Environment", "environment"},
    {"ToolsTree", "tools_tree"},
    {"ToolsTreeDistribution", "tools_tree"},
    {"ToolsTreeRelease", "tools_tree_release"},
    {"ToolsTreePackages", "tools_tree_packages"},
    {"ToolsTreeSandboxTrees", "tools_tree_mirror"},
    {"OutputDirectory", "output_dir"},
    {"BuildDirectory", "build_dir"},
    {"CacheDirectory", "cache_dir"},
    {"PackageCacheDirectory", "package_cache_dir"},
    {"SandboxTrees", "repository"},
    {"Mirror", "mirror"},
    {"ToolsTreeMirror", "tools_tree_mirror"}};
const std::vector<std::string> kMkosiSections = {"Distribution", "Output",  "Content", "Validation",
                                                 "Build",        "Runtime", "Host"};
const std::vector<std::string> kUnitSections = {"Unit", "Service", "Install"};

}  // namespace

std::optional<ir::RawSection> lowerRawSection(const CheckedBlock &block, LowerContext &ctx, bool unitSection) {
  ir::RawSection raw;
  raw.section = block.label();
  raw.range = block.range();
  const auto &sections = unitSection ? kUnitSections : kMkosiSections;
  if (!require(std::find(sections.begin(), sections.end(), raw.section) != sections.end(), block.labelRange(), ctx,
               fmt::format("unknown section \"{}\"; expected one of {}", raw.section, fmt::join(sections, ", "))))
    return std::nullopt;
  for (const CheckedEntry &entry : block.entries) {
    if (entry.value.containsError()) continue;
    if (!require(std::regex_match(entry.key, kRawKey), entry.keyRange, ctx,
                 fmt::format("\"{}\" is not a {} key name (CamelCase, e.g. RemoveFiles)", entry.key,
                             unitSection ? "unit" : "mkosi")))
      continue;
    if (!unitSection) {
      auto managed =
          std::find_if(kManagedKeys.begin(), kManagedKeys.end(), [&](auto &p) { return p.first == entry.key; });
      if (managed != kManagedKeys.end()) {
        ctx.diags.report(DiagKind::RawKeyManaged, entry.keyRange,
                         fmt::format("{}= is written by tdxc from the typed key '{}'; set that instead", entry.key,
                                     managed->second));
        continue;
      }
    }
    std::vector<std::string> values;
    auto text = [](const Value &v) {
      return v.kind == Value::Kind::Int    ? std::to_string(v.integer)
             : v.kind == Value::Kind::Bool ? (v.boolean ? "yes" : "no")
                                           : v.str;
    };
    if (entry.value.kind == Value::Kind::List)
      for (const Value &item : entry.value.list) values.push_back(text(item));
    else
      values.push_back(text(entry.value));
    // mkosi cuts a line at '#', systemd does not; neither allows newlines.
    const char *forbidden = unitSection ? "\n" : "\n#";
    bool clean = std::none_of(values.begin(), values.end(),
                              [&](const std::string &v) { return v.find_first_of(forbidden) != std::string::npos; });
    if (require(clean, entry.value.range, ctx,
                unitSection ? "unit values cannot contain newlines"
                            : "raw mkosi values cannot contain newlines or '#' (mkosi cuts the line there)"))
      raw.keys.push_back({{entry.key, entry.keyRange}, values});
  }
  return raw;
}

}  // namespace tdxc
