// The typed image model: what sema produces and passes and backends consume.
// Every entity keeps the source range that produced it, so a pass or the
// language server can point at the user's line. Profiles are overlays: each
// holds only what its block declared, never a copy of the base.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/source_file.h"

namespace tdxc::ir {

template <typename T>
struct Located {
  T value{};
  SourceRange range;
};

using LocatedString = Located<std::string>;

enum class FileTree { Extra, Skeleton };

struct FileEntry {
  FileTree tree = FileTree::Extra;
  LocatedString path;   // absolute image path as written
  std::string content;  // final bytes (templates already rendered)
  std::string origin;   // "content", "src <path>" or "template <path>" (for dumps)
  std::uint32_t mode = 0644;
  LocatedString owner{"root", {}};
  LocatedString group{"root", {}};
  bool override = false;
  SourceRange range;
};

struct User {
  LocatedString name;
  bool system = true;
  std::optional<std::int64_t> uid;
  std::string home = "/";
  bool createHome = false;
  std::string shell = "/usr/sbin/nologin";
  std::string description;
  std::vector<LocatedString> groups;
  bool external = false;
  bool override = false;
  SourceRange range;
};

struct Group {
  LocatedString name;
  std::optional<std::int64_t> gid;
  bool external = false;
  bool override = false;
  SourceRange range;
};

/// Raw `Key=Value` lines for one section, in source order.
struct RawSection {
  std::string section;
  std::vector<std::pair<LocatedString, std::vector<std::string>>> keys;
  SourceRange range;
};

struct Service {
  LocatedString name;  // without .service
  std::string description;
  std::vector<std::string> exec;
  SourceRange execRange;
  std::string type = "simple";
  std::optional<LocatedString> user;
  std::optional<LocatedString> group;
  std::vector<LocatedString> after, requiresUnits, wants, wantedBy;
  std::string restart = "no";
  std::optional<std::int64_t> restartSec;
  std::vector<std::pair<std::string, std::string>> environment;  // sorted by key
  std::string workingDirectory;
  std::string hardening = "none";
  std::vector<RawSection> extra;
  bool enabled = true;
  bool afterInit = true;           // gets After=/Requires=runtime-init.service when there are init steps
  bool expandEnvironment = false;  // ExecStart= keeps '$' for systemd's ${VAR} substitution
  bool generated = false;          // made by a pass (runtime-init.service), not declared
  bool override = false;
  SourceRange range;
};

struct Socket {
  LocatedString name;  // without .socket
  std::string description;
  std::vector<std::string> listen;
  std::string kind = "stream";
  LocatedString service;  // without .service
  std::string mode = "0660";
  std::optional<LocatedString> user;
  std::optional<LocatedString> group;
  std::vector<LocatedString> after, requiresUnits;  // injected by inject-init-deps
  bool enabled = true;
  bool afterInit = true;
  bool override = false;
  SourceRange range;
};

/// One boot-time step of /usr/bin/runtime-init.
struct InitStep {
  LocatedString name;
  std::int64_t priority = 100;
  std::string script;
  bool override = false;
  SourceRange range;
};

/// A debloat { } block (several merge: lists append, a scalar set twice must agree).
struct Debloat {
  std::optional<Located<bool>> enabled;
  std::optional<Located<bool>> systemdMinimize;
  std::optional<Located<bool>> useDefaults;
  std::optional<LocatedString> defaultTarget;
  std::vector<LocatedString> pathsRemove, pathsKeep, unitsKeep, binsKeep;
  SourceRange range;
};

/// What one scope (the base, or a profile) contributes to the debloat plan,
/// filled by the plan-debloat pass (the defaults are added when combining).
struct DebloatLayer {
  std::optional<bool> enabled;  // nullopt: this scope does not decide
  std::optional<bool> systemdMinimize;
  std::optional<bool> useDefaults;
  std::optional<std::string> defaultTarget;
  std::vector<std::string> pathsRemove, pathsKeep, binsKeep;  // sorted, unique
  std::map<std::string, std::string> unitsKeep;               // unit -> why it is kept
};

enum class Phase { Sync, Prepare, Build, Postinst, Finalize, Postoutput, Clean };
const char *phaseName(Phase phase);

struct Script {
  LocatedString name;
  Phase phase = Phase::Postinst;
  std::string content;
  bool chroot = false;
  bool override = false;
  SourceRange range;
};

struct Repository {
  LocatedString name;
  std::string url;
  std::vector<std::string> suites;  // empty: the image's release
  std::vector<std::string> components;
  std::optional<std::string> keyring;  // key bytes
  std::string keyringExtension;        // "gpg" or "asc"
  std::optional<std::int64_t> priority;
  bool override = false;
  SourceRange range;
};

/// A git repository that a build script fetches (tdxc_git_fetch NAME DIR in
/// the generated tdxc/fetch.sh). `tdxc lock` resolves the ref to a commit.
struct GitSource {
  LocatedString name;
  LocatedString url;
  LocatedString ref;                  // a commit id, tag or branch
  std::optional<std::string> locked;  // the commit tdx.lock pins the ref to
  SourceRange range;

  /// The commit the build must check out: the ref itself when it is a full
  /// commit id, else the lock's pin; empty when the ref is mutable and unpinned.
  std::string pinnedCommit() const;
};

/// A file a build script downloads (tdxc_download NAME FILE), checked against
/// a sha256 from the source or from tdx.lock.
struct Download {
  LocatedString name;
  LocatedString url;
  std::optional<LocatedString> sha256;  // declared in the source
  std::optional<std::string> locked;    // recorded by tdxc lock
  SourceRange range;

  /// The digest the build checks: the declared one, else the lock's; empty: none.
  std::string expectedSha256() const;
};

/// The security archive next to a Debian archive URL: http://host/debian/ ->
/// http://host/debian-security/; snapshot URLs .../archive/debian/<ts>/ ->
/// .../archive/debian-security/<ts>/. nullopt if the URL has no /debian segment.
std::optional<std::string> deriveSecurityMirror(const std::string &mirror);

/// Whether `ref` is a full 40-digit lower-case hex commit id (immutable).
bool isCommitId(const std::string &ref);

/// The image's policy { } block: rules for lock, fetches and network.
struct Policy {
  Located<bool> frozenLock{false, {}};     // bake only with --frozen
  LocatedString mutableRefs{"allow", {}};  // allow | warn | error (unpinned mutable git refs)
  Located<bool> integrity{true, {}};       // every download needs a sha256
  LocatedString network{"online", {}};     // online | offline
  SourceRange range;                       // invalid: no policy block (defaults)
};

/// Settings a profile may override; unset optionals inherit from the base.
struct Settings {
  std::optional<LocatedString> hostname;
  std::optional<Located<bool>> network;
  std::optional<Located<bool>> cleanPackageMetadata;
  std::optional<LocatedString> manifestFormat;
  std::optional<std::vector<LocatedString>> targets;
};

/// Everything a profile can add. The base image has one too.
struct Content {
  Settings settings;
  std::vector<LocatedString> packages, buildPackages, toolsTreePackages, enableUnits, kernelCmdline,
      environmentPassthrough;
  std::vector<std::pair<LocatedString, std::string>> environment;  // key, value
  std::vector<FileEntry> files;                                    // extra and skeleton, source order
  std::vector<User> users;
  std::vector<Group> groups;
  std::vector<Service> services;
  std::vector<Socket> sockets;
  std::vector<Script> scripts;
  std::vector<Repository> repositories;
  std::vector<GitSource> gitSources;
  std::vector<Download> downloads;
  std::vector<RawSection> raw;
  std::vector<InitStep> initSteps;
  std::optional<Debloat> debloat;
  /// Base units that a profile orders after runtime-init with a drop-in,
  /// because only the profile has init steps (set by inject-init-deps).
  std::vector<LocatedString> initDropIns;
  std::optional<DebloatLayer> debloatLayer;
};

struct Profile {
  LocatedString name;
  Content content;
  SourceRange range;
};

/// Settings only the image itself carries (universal for the whole build).
struct ImageSettings {
  std::string distribution = "debian";
  std::string release = "trixie";
  SourceRange baseRange;
  std::string arch = "x86_64";
  std::string format = "uki";
  std::string mirror = "http://deb.debian.org/debian";
  std::optional<std::string> securityMirror;  // nullopt: no security suite
  bool toolsTree = true;
  std::string toolsTreeRelease = "trixie";
  std::string toolsTreeMirror;
  std::optional<std::string> toolsTreeSecurityMirror;
  std::string seed;
  std::int64_t sourceDateEpoch = 0;
  std::string imageId;
  std::string outputDir, cacheDir, packageCacheDir, buildDir;
};

struct Image {
  LocatedString name;
  std::string sourceName;  // file name of the .tdx (no directories: determinism across checkouts)
  ImageSettings settings;
  Content base;
  std::vector<Profile> profiles;
  Policy policy;
  SourceRange range;
};

/// Every git source and download of the image, base first, then each
/// profile in declaration order.
std::vector<GitSource *> allGitSources(Image &image);
std::vector<const GitSource *> allGitSources(const Image &image);
std::vector<Download *> allDownloads(Image &image);
std::vector<const Download *> allDownloads(const Image &image);

/// The profile named `name`, or nullptr if the image declares none.
const Profile *findProfile(const Image &image, std::string_view name);

}  // namespace tdxc::ir
