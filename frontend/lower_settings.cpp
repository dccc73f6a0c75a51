// Image-wide settings: distribution, mirrors, tools tree, identity.
#include <fmt/format.h>

#include <regex>

#include "frontend/lower.h"
#include "support/sha256.h"

namespace tdxc {
namespace {

const std::regex kRelease(R"(^[a-z][a-z0-9.-]*$)");
const std::regex kSeed(R"(^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)");

// A deterministic UUID (version 4 layout) from the image name: partition and
// filesystem UUIDs stay stable across builds without the user choosing one.
std::string derivedSeed(const std::string &imageName) {
  auto digest = sha256("tdxc-seed:" + imageName);
  digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0F) | 0x40);
  digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3F) | 0x80);
  std::string hex;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", digest[i]);
  }
  return hex;
}

}  // namespace

void lowerImageSettings(const CheckedBlock &image, ir::ImageSettings &s, LowerContext &ctx) {
  static const std::regex idPattern(R"(^[A-Za-z0-9][A-Za-z0-9._-]*$)");
  if (auto base = getString(image, "base")) {
    s.baseRange = rangeOfKey(image, "base");
    std::size_t slash = base->find('/');
    std::string distro = base->substr(0, slash);
    std::string release = slash == std::string::npos ? "" : base->substr(slash + 1);
    if (require(distro == "debian" || distro == "ubuntu", s.baseRange, ctx,
                fmt::format("unsupported distribution '{}'; tdxc builds \"debian/RELEASE\" and \"ubuntu/RELEASE\"",
                            distro)) &&
        require(std::regex_match(release, kRelease), s.baseRange, ctx,
                fmt::format("base must be \"distribution/release\", e.g. \"debian/trixie\"; got \"{}\"", *base))) {
      s.distribution = distro;
      s.release = release;
      if (distro == "ubuntu") s.mirror = "http://archive.ubuntu.com/ubuntu";
    }
  }
  if (auto arch = getString(image, "arch")) s.arch = *arch;
  // Ubuntu serves arm64 from its ports archive, not from the main one.
  if (s.distribution == "ubuntu" && s.arch == "aarch64") s.mirror = "http://ports.ubuntu.com/ubuntu-ports";
  if (auto format = getString(image, "format")) s.format = *format;
  if (auto mirror = getString(image, "mirror"))
    if (require(isHttpOrFileUrl(*mirror), rangeOfKey(image, "mirror"), ctx,
                fmt::format("mirror must be an http(s):// or file:// URL, got \"{}\"", *mirror)))
      s.mirror = *mirror;
  if (auto security = getString(image, "security_mirror")) {
    if (require(isHttpOrFileUrl(*security), rangeOfKey(image, "security_mirror"), ctx,
                "security_mirror must be an http(s):// or file:// URL"))
      s.securityMirror = *security;
  } else if (s.distribution == "ubuntu") {
    s.securityMirror = s.mirror;
  } else {
    s.securityMirror = ir::deriveSecurityMirror(s.mirror);
  }
  if (auto tools = getBool(image, "tools_tree")) s.toolsTree = *tools;
  if (auto release = getString(image, "tools_tree_release")) s.toolsTreeRelease = *release;
  s.toolsTreeMirror = s.distribution == "debian" ? s.mirror : "http://deb.debian.org/debian";
  if (auto mirror = getString(image, "tools_tree_mirror"); !mirror)
    s.toolsTreeSecurityMirror = ir::deriveSecurityMirror(s.toolsTreeMirror);
  if (auto mirror = getString(image, "tools_tree_mirror"))
    if (require(isHttpOrFileUrl(*mirror), rangeOfKey(image, "tools_tree_mirror"), ctx,
                "tools_tree_mirror must be an http(s):// or file:// URL"))
      s.toolsTreeMirror = *mirror, s.toolsTreeSecurityMirror = ir::deriveSecurityMirror(*mirror);

  s.imageId = image.label();
  if (auto id = getString(image, "image_id")) s.imageId = *id;
  require(
      std::regex_match(s.imageId, idPattern),
      image.entry("image_id") ? rangeOfKey(image, "image_id") : image.labelRange(), ctx,
      fmt::format("image id \"{}\" must be letters, digits, '.', '_' and '-' (it names the output file); set image_id",
                  s.imageId));

  s.seed = derivedSeed(image.label());
  if (auto seed = getString(image, "seed"))
    if (require(std::regex_match(*seed, kSeed), rangeOfKey(image, "seed"), ctx,
                "seed must be a lower-case UUID such as 630b5f72-a36a-4e83-b23d-6ef47c82fd9c"))
      s.seed = *seed;
  if (auto epoch = getInt(image, "source_date_epoch"))
    if (require(*epoch >= 0, rangeOfKey(image, "source_date_epoch"), ctx, "source_date_epoch cannot be negative"))
      s.sourceDateEpoch = *epoch;

  static const std::regex relPath(R"(^[A-Za-z0-9._/-]+$)");
  auto dir = [&](const char *key, std::string &out) {
    if (auto value = getString(image, key))
      // Relative to the emitted tree, which is replaced on every compile, so
      // "../out" (beside it) is the useful form; absolute paths would tie the
      // tree to one machine.
      if (require(
              std::regex_match(*value, relPath) && value->front() != '/', rangeOfKey(image, key), ctx,
              fmt::format(
                  "{} must be a relative path (from the emitted tree) of letters, digits, '.', '_', '-' and '/'", key)))
        out = *value;
  };
  dir("output_dir", s.outputDir);
  dir("cache_dir", s.cacheDir);
  dir("package_cache_dir", s.packageCacheDir);
  dir("build_dir", s.buildDir);
}

}  // namespace tdxc
