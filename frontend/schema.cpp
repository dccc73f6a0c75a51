#include "frontend/schema.h"

#include <algorithm>

namespace tdxc {

std::string TypeSpec::describe() const {
  switch (kind) {
    case Kind::String: return "string";
    case Kind::Int: return "int";
    case Kind::Bool: return "bool";
    case Kind::List: return "list<" + element->describe() + ">";
    case Kind::Map: return "map<" + element->describe() + ">";
    case Kind::Scalar: return "string, int or bool";
    case Kind::ScalarOrList: return "string, int, bool or list<string>";
    case Kind::Enum: {
      std::string out = "one of ";
      for (std::size_t i = 0; i < enumValues.size(); ++i) out += (i ? ", \"" : "\"") + enumValues[i] + "\"";
      return out;
    }
  }
  return "?";
}

TypeSpec stringType() { return {TypeSpec::Kind::String, nullptr, {}}; }
TypeSpec intType() { return {TypeSpec::Kind::Int, nullptr, {}}; }
TypeSpec boolType() { return {TypeSpec::Kind::Bool, nullptr, {}}; }
TypeSpec listOf(TypeSpec element) { return {TypeSpec::Kind::List, std::make_shared<TypeSpec>(std::move(element)), {}}; }
TypeSpec mapOf(TypeSpec element) { return {TypeSpec::Kind::Map, std::make_shared<TypeSpec>(std::move(element)), {}}; }
TypeSpec oneOf(std::vector<std::string> values) { return {TypeSpec::Kind::Enum, nullptr, std::move(values)}; }

const KeySpec *BlockSpec::findKey(const std::string &name) const {
  for (const KeySpec &key : keys)
    if (key.name == name) return &key;
  return nullptr;
}

std::vector<std::string> BlockSpec::keyNames() const {
  std::vector<std::string> names;
  for (const KeySpec &key : keys) names.push_back(key.name);
  return names;
}

namespace {

const std::vector<std::string> kImageOnlyKeys = {"base",
                                                 "arch",
                                                 "format",
                                                 "mirror",
                                                 "security_mirror",
                                                 "tools_tree",
                                                 "tools_tree_release",
                                                 "tools_tree_mirror",
                                                 "seed",
                                                 "source_date_epoch",
                                                 "image_id",
                                                 "output_dir",
                                                 "cache_dir",
                                                 "package_cache_dir",
                                                 "build_dir"};

KeySpec key(std::string name, TypeSpec type, std::string defaultText, std::string doc) {
  return KeySpec{std::move(name), std::move(type), false, false, std::move(defaultText), std::move(doc)};
}
KeySpec required(std::string name, TypeSpec type, std::string doc) {
  return KeySpec{std::move(name), std::move(type), true, false, "", std::move(doc)};
}
KeySpec overrideKey() {
  return key("override", boolType(), "false",
             "In a profile: replace the base image's declaration of the same name or path.");
}

TypeSpec scalarType() { return {TypeSpec::Kind::Scalar, nullptr, {}}; }
TypeSpec scalarOrListType() { return {TypeSpec::Kind::ScalarOrList, nullptr, {}}; }

const std::vector<std::string> kContentBlocks = {"file",    "template", "skeleton", "user",       "group",
                                                 "service", "socket",   "script",   "repository", "raw",
                                                 "init",    "debloat",  "git",      "download"};

std::vector<KeySpec> contentKeys() {
  return {
      key("packages", listOf(stringType()), "[]",
          "Packages installed in the image (apt names; name=version and name/suite work)."),
      key("build_packages", listOf(stringType()), "[]",
          "Packages installed only in the build overlay (build scripts)."),
      key("tools_tree_packages", listOf(stringType()), "[]",
          "Packages added to the mkosi tools tree, where scripts of every phase find their tools "
          "(ToolsTreePackages=); unused when tools_tree = false."),
      key("enable", listOf(stringType()), "[]", "Package-provided units to enable, e.g. \"ssh.service\"."),
      key("kernel_cmdline", listOf(stringType()), "[]",
          "Kernel command line words (KernelCommandLine=); no spaces inside a word."),
      key("environment", mapOf(scalarType()), "{}", "Variables for mkosi scripts (Environment=KEY=VALUE)."),
      key("environment_passthrough", listOf(stringType()), "[]",
          "Variables passed from the caller's environment to scripts (Environment=KEY)."),
      key("hostname", stringType(), "", "Static hostname of the image (Hostname=)."),
      key("network", boolType(), "false",
          "Whether build, postinst and finalize scripts get network access (WithNetwork=)."),
      key("clean_package_metadata", boolType(), "true",
          "Remove apt/dpkg metadata from the final image (CleanPackageMetadata=)."),
      key("manifest_format", oneOf({"json", "changelog", "none"}), "\"json\"",
          "Package manifest written next to the image (ManifestFormat=)."),
      KeySpec{"targets", listOf(oneOf({"qemu", "azure", "gcp"})), false, true, "[\"qemu\"]",
              "Deployment targets (recorded in the IR for the bake step, not implemented yet); a profile replaces the "
              "list with '='."},
  };
}

std::vector<BlockSpec> buildSpecs() {
  std::vector<BlockSpec> specs;

  BlockSpec image{"image",
                  true,
                  "the image name",
                  {},
                  kContentBlocks,
                  false,
                  {},
                  "The image being built. Exactly one per compilation."};
  image.children.push_back("profile");
  image.children.push_back("policy");
  image.keys = {
      key("base", stringType(), "\"debian/trixie\"",
          "Distribution and release as \"distribution/release\" (debian or ubuntu)."),
      key("arch", oneOf({"x86_64", "aarch64"}), "\"x86_64\"", "CPU architecture (Architecture=x86-64 or arm64)."),
      key("format", oneOf({"uki", "disk", "esp", "directory", "tar", "cpio"}), "\"uki\"", "Output format (Format=)."),
      key("mirror", stringType(), "\"http://deb.debian.org/debian\"",
          "Package archive URL written to the image's apt sources."),
      key("security_mirror", stringType(), "derived from mirror",
          "Security archive URL; derived by replacing the last \"debian\" path segment of mirror with "
          "\"debian-security\"."),
      key("tools_tree", boolType(), "true",
          "Build with a mkosi tools tree (needed for uki/disk/esp on hosts older than systemd 254)."),
      key("tools_tree_release", stringType(), "\"trixie\"", "Debian release of the tools tree (ToolsTreeRelease=)."),
      key("tools_tree_mirror", stringType(), "same as mirror", "Archive URL for the tools tree's apt sources."),
      key("seed", stringType(), "derived from the image name", "UUID seeding partition and filesystem UUIDs (Seed=)."),
      key("source_date_epoch", intType(), "0", "Timestamp for reproducible builds (SourceDateEpoch=)."),
      key("image_id", stringType(), "the image name", "Image identifier (ImageId=), also the output file name."),
      key("output_dir", stringType(), "",
          "Where mkosi writes the image, relative to the emitted tree (OutputDirectory=)."),
      key("cache_dir", stringType(), "",
          "Incremental cache directory, relative to the emitted tree (CacheDirectory=)."),
      key("package_cache_dir", stringType(), "",
          "Package cache directory, relative to the emitted tree (PackageCacheDirectory=)."),
      key("build_dir", stringType(), "",
          "Build directory kept between builds, relative to the emitted tree (BuildDirectory=); builders cache their "
          "artifacts there."),
  };
  for (KeySpec &k : contentKeys()) image.keys.push_back(std::move(k));
  specs.push_back(image);

  BlockSpec profile{"profile",
                    true,
                    "the profile name (mkosi --profile NAME)",
                    contentKeys(),
                    kContentBlocks,
                    false,
                    {},
                    "An overlay on the base image, emitted as mkosi.profiles/NAME/. It adds to lists and may replace "
                    "declarations that set override = true; it never drops base content."};
  specs.push_back(profile);

  specs.push_back(
      {"file",
       true,
       "the destination path in the image",
       {key("content", stringType(), "", "The file's content. Exactly one of content and src."),
        key("src", stringType(), "", "A file to copy, relative to the .tdx file."),
        key("mode", stringType(), "\"0644\"", "Octal permission bits."),
        key("owner", stringType(), "\"root\"", "Owning user (declared with user, or root)."),
        key("group", stringType(), "\"root\"", "Owning group (declared with group or user, or root)."), overrideKey()},
       {},
       false,
       {},
       "A file placed in the image after packages are installed (mkosi.extra)."});
  specs.push_back(
      {"template",
       true,
       "the destination path in the image",
       {key("content", stringType(), "", "Template text with {{name}} placeholders. Exactly one of content and src."),
        key("src", stringType(), "", "A template file, relative to the .tdx file."),
        key("vars", mapOf(scalarType()), "{}", "Values for the placeholders."),
        key("mode", stringType(), "\"0644\"", "Octal permission bits."),
        key("owner", stringType(), "\"root\"", "Owning user."), key("group", stringType(), "\"root\"", "Owning group."),
        overrideKey()},
       {},
       false,
       {},
       "A file rendered at compile time from a template with {{name}} placeholders."});
  specs.push_back({"skeleton",
                   true,
                   "the destination path in the image",
                   {key("content", stringType(), "", "The file's content. Exactly one of content and src."),
                    key("src", stringType(), "", "A file to copy, relative to the .tdx file."),
                    key("mode", stringType(), "\"0644\"", "Octal permission bits."), overrideKey()},
                   {},
                   false,
                   {},
                   "A file placed before packages are installed (mkosi.skeleton), e.g. a custom /init."});
  specs.push_back(
      {"user",
       true,
       "the user name",
       {key("system", boolType(), "true", "A system user (uid from the system range)."),
        key("uid", intType(), "", "Fixed uid. Regular users without one get 1000, 1001, ... in declaration order."),
        key("home", stringType(), "\"/\"", "Home directory."),
        key("create_home", boolType(), "true when home is set", "Create the home directory (tmpfiles.d)."),
        key("shell", stringType(), "\"/usr/sbin/nologin\"", "Login shell."),
        key("description", stringType(), "the user name", "GECOS field."),
        key("groups", listOf(stringType()), "[]", "Supplementary groups."),
        key("external", boolType(), "false", "Created by a package; declared only so references check."),
        overrideKey()},
       {},
       false,
       {},
       "A user account, created declaratively with systemd-sysusers."});
  specs.push_back({"group",
                   true,
                   "the group name",
                   {key("gid", intType(), "", "Fixed gid (otherwise sysusers picks one from the system range)."),
                    key("external", boolType(), "false", "Created by a package; declared only so references check."),
                    overrideKey()},
                   {},
                   false,
                   {},
                   "A group, created with systemd-sysusers."});
  specs.push_back(
      {"service",
       true,
       "the unit name without .service",
       {required("exec", listOf(stringType()), "The command as an argument list; the first item is an absolute path."),
        key("description", stringType(), "the service name", "Description= of the unit."),
        key("type", oneOf({"simple", "exec", "forking", "oneshot", "notify", "idle"}), "\"simple\"",
            "Type= of the service."),
        key("user", stringType(), "", "User= the service runs as."),
        key("group", stringType(), "", "Group= the service runs as."),
        key("after", listOf(stringType()), "[]", "Units this one starts after (After=)."),
        key("requires", listOf(stringType()), "[]", "Units this one requires (Requires=)."),
        key("wants", listOf(stringType()), "[]", "Units this one wants (Wants=)."),
        key("restart", oneOf({"no", "always", "on-success", "on-failure", "on-abnormal", "on-abort", "on-watchdog"}),
            "\"no\"", "Restart= policy."),
        key("restart_sec", intType(), "", "RestartSec= in seconds."),
        key("environment", mapOf(scalarType()), "{}", "Environment= variables of the service."),
        key("working_directory", stringType(), "", "WorkingDirectory= (absolute)."),
        key("hardening", oneOf({"none", "strict"}), "\"none\"",
            "\"strict\" adds a sandboxing preset (see docs/language.md)."),
        key("wanted_by", listOf(stringType()), "[\"multi-user.target\"]",
            "Targets that pull the service in when enabled."),
        key("enabled", boolType(), "true", "Enable the unit (systemd preset)."),
        key("expand_environment", boolType(), "false",
            "Let systemd substitute ${VAR} and $VAR in exec from Environment= and EnvironmentFile= (write \\${VAR} in "
            ".tdx); otherwise '$' is passed literally."),
        key("after_init", boolType(), "true",
            "Order after runtime-init.service and require it (only when the image has init steps)."),
        overrideKey()},
       {"extra"},
       false,
       {},
       "A systemd service generated from typed fields."});
  specs.push_back({"extra",
                   true,
                   "the unit section, e.g. \"Service\"",
                   {},
                   {},
                   true,
                   scalarOrListType(),
                   "Raw unit keys added to a section of the generated unit."});
  specs.push_back({"socket",
                   true,
                   "the unit name without .socket",
                   {required("listen", listOf(stringType()), "Socket paths or ports to listen on."),
                    key("description", stringType(), "NAME socket", "Description= of the unit."),
                    key("kind", oneOf({"stream", "datagram", "sequential"}), "\"stream\"",
                        "ListenStream=, ListenDatagram= or ListenSequentialPacket=."),
                    key("service", stringType(), "the socket name", "The service activated by the socket."),
                    key("mode", stringType(), "\"0660\"", "SocketMode= for file system sockets."),
                    key("user", stringType(), "", "SocketUser=."), key("group", stringType(), "", "SocketGroup=."),
                    key("enabled", boolType(), "true", "Enable the socket (systemd preset)."),
                    key("after_init", boolType(), "true",
                        "Order after runtime-init.service and require it (only when the image has init steps)."),
                    overrideKey()},
                   {},
                   false,
                   {},
                   "A systemd socket unit for socket activation."});
  specs.push_back(
      {"script",
       true,
       "the script name (file name in mkosi.PHASE.d/)",
       {required("phase", oneOf({"sync", "prepare", "build", "postinst", "finalize", "postoutput", "clean"}),
                 "The mkosi phase that runs the script."),
        key("run", stringType(), "", "The script body (bash). Exactly one of run and src."),
        key("src", stringType(), "", "A script file, relative to the .tdx file."),
        key("chroot", boolType(), "false", "Run inside the image (prepare, build, postinst, finalize only)."),
        overrideKey()},
       {},
       false,
       {},
       "A script for one mkosi phase, run in declaration order within the phase."});
  specs.push_back(
      {"repository",
       true,
       "the repository name",
       {required("url", stringType(), "Archive URL."),
        key("suites", listOf(stringType()), "[release]", "Suites (Suites:)."),
        key("components", listOf(stringType()), "[\"main\"]", "Components (Components:)."),
        key("keyring", stringType(), "", "Signing key file (.gpg or .asc), relative to the .tdx file."),
        key("priority", intType(), "", "apt pin priority for packages from this repository."), overrideKey()},
       {},
       false,
       {},
       "An extra apt repository, emitted as a sandbox apt source with its keyring."});
  specs.push_back(
      {"git",
       true,
       "the source name (tdxc_git_fetch NAME DIR in build scripts)",
       {required("url", stringType(), "Repository URL (https://, git://, ssh:// or file://)."),
        required("ref", stringType(),
                 "A commit id (immutable), or a tag or branch that tdxc lock pins to the commit it names.")},
       {},
       false,
       {},
       "A git repository a build script fetches (names are unique in the whole image). The generated tdxc/fetch.sh "
       "checks out the pinned commit and "
       "refuses any other; tdxc lock records the commit of a tag or branch in tdx.lock."});
  specs.push_back({"download",
                   true,
                   "the download name (tdxc_download NAME FILE in build scripts)",
                   {required("url", stringType(), "URL of the file (https://, http:// or file://)."),
                    key("sha256", stringType(), "from tdx.lock",
                        "Expected SHA-256 (64 lower-case hex digits); empty: take it from tdx.lock.")},
                   {},
                   false,
                   {},
                   "A file a build script downloads (names are unique in the whole image). The generated tdxc/fetch.sh "
                   "checks its SHA-256 (declared here or recorded "
                   "by tdxc lock) and fails the build on a mismatch."});
  BlockSpec policy{
      "policy",
      false,
      "",
      {key("frozen_lock", boolType(), "false", "tdxc bake refuses to build without --frozen (an up-to-date tdx.lock)."),
       key("mutable_refs", oneOf({"allow", "warn", "error"}), "\"allow\"",
           "What a git source whose ref is a tag or branch not pinned by tdx.lock gets: nothing, a warning or an "
           "error."),
       key("integrity", boolType(), "true",
           "Every download needs a sha256, declared or recorded in tdx.lock (E_INTEGRITY_MISSING)."),
       key("network", oneOf({"online", "offline"}), "\"online\"",
           "offline: the build may not use the network (no network = true, git sources or downloads); packages still "
           "come from the mirrors.")},
      {},
      false,
      {},
      "Rules the build must follow, checked by the check-policy pass (one per image, not in profiles).",
      true};
  specs.push_back(policy);
  specs.push_back(
      {"init",
       true,
       "the step name",
       {key("priority", intType(), "100", "Steps run in ascending priority; equal priorities keep declaration order."),
        key("run", stringType(), "", "The step (bash, run with set -euo pipefail). Exactly one of run and src."),
        key("src", stringType(), "", "A script file, relative to the .tdx file."), overrideKey()},
       {},
       false,
       {},
       "A boot-time step of /usr/bin/runtime-init, run once by runtime-init.service before every declared service "
       "and socket."});
  BlockSpec debloat{
      "debloat",
      false,
      "",
      {key("enabled", boolType(), "true", "Whether to debloat at all (a profile can turn it off)."),
       key("systemd_minimize", boolType(), "true",
           "Mask the systemd package's units and delete its binaries, except those kept."),
       key("paths_remove", listOf(stringType()), "[]",
           "Paths (shell globs) deleted from the image, added to the defaults."),
       key("paths_keep", listOf(stringType()), "[]", "Paths kept although the plan would delete them."),
       key("units_keep", listOf(stringType()), "[]",
           "systemd units kept unmasked, added to the defaults and the units the image's services need."),
       key("bins_keep", listOf(stringType()), "[]", "systemd binaries (/usr/bin names) kept, added to the defaults."),
       key("defaults", boolType(), "true",
           "Use the built-in default paths, kept units and kept binaries (false: only the lists given here)."),
       key("default_target", stringType(), "\"multi-user.target\"",
           "The unit default.target points to after minimizing (with systemd_minimize).")},
      {},
      false,
      {},
      "Shrinks the image in the finalize phase: deletes paths and masks unneeded systemd units. Several debloat blocks "
      "(from modules, too) merge; a profile's block adjusts the plan for that profile (see tdxc explain debloat).",
      true};
  specs.push_back(debloat);
  specs.push_back({"raw",
                   true,
                   "the mkosi.conf section, e.g. \"Content\"",
                   {},
                   {},
                   true,
                   scalarOrListType(),
                   "Raw mkosi keys, emitted verbatim into a section of mkosi.conf: the escape hatch."});
  return specs;
}

}  // namespace

const std::vector<BlockSpec> &allBlockSpecs() {
  static const std::vector<BlockSpec> specs = buildSpecs();
  return specs;
}

const BlockSpec *findBlockSpec(const std::string &kind) {
  for (const BlockSpec &spec : allBlockSpecs())
    if (spec.kind == kind) return &spec;
  return nullptr;
}

bool isImageOnlyKey(const std::string &key) {
  return std::find(kImageOnlyKeys.begin(), kImageOnlyKeys.end(), key) != kImageOnlyKeys.end();
}

}  // namespace tdxc
