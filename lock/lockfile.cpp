#include "lock/lockfile.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

namespace tdxc::lock {
namespace {

using nlohmann::json;

const std::regex kCommit(R"(^[0-9a-f]{40}$)");
const std::regex kSha256(R"(^[0-9a-f]{64}$)");
const std::regex kDigest(R"(^sha256:[0-9a-f]{64}$)");

// Validation failures carry the key they are about, so the diagnostic can
// point at its line.
struct Invalid {
  std::string key;
  std::string message;
};

const json &member(const json &object, const char *key, json::value_t type, const char *what) {
  auto it = object.find(key);
  if (it == object.end()) throw Invalid{"", fmt::format("{} has no \"{}\"", what, key)};
  bool ok = it->type() == type || (type == json::value_t::number_unsigned && it->is_number_integer());
  if (!ok) throw Invalid{key, fmt::format("\"{}\" in {} has the wrong type", key, what)};
  return *it;
}

std::string text(const json &object, const char *key, const char *what, const std::regex *shape = nullptr) {
  std::string value = member(object, key, json::value_t::string, what).get<std::string>();
  if (value.empty() || (shape && !std::regex_match(value, *shape)))
    throw Invalid{key, fmt::format("\"{}\" in {} is not valid: \"{}\"", key, what, value)};
  return value;
}

template <typename T>
void sortByName(std::vector<T> &items) {
  std::sort(items.begin(), items.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

template <typename T>
void rejectDuplicates(const std::vector<T> &items, const char *what) {
  for (std::size_t i = 1; i < items.size(); ++i)
    if (items[i].name == items[i - 1].name)
      throw Invalid{"name", fmt::format("{} \"{}\" appears twice", what, items[i].name)};
}

}  // namespace

const LockedGit *LockFile::findGit(const std::string &name) const {
  for (const LockedGit &g : git)
    if (g.name == name) return &g;
  return nullptr;
}

const LockedDownload *LockFile::findDownload(const std::string &name) const {
  for (const LockedDownload &d : downloads)
    if (d.name == name) return &d;
  return nullptr;
}

std::string serializeLock(const LockFile &lock) {
  LockFile sorted = lock;
  sortByName(sorted.git);
  sortByName(sorted.downloads);
  json root = json::object();
  root["version"] = sorted.version;
  root["source"] = sorted.source;
  root["recipe_digest"] = sorted.recipeDigest;
  root["git"] = json::array();
  for (const LockedGit &g : sorted.git)
    root["git"].push_back({{"name", g.name}, {"url", g.url}, {"ref", g.ref}, {"commit", g.commit}});
  root["downloads"] = json::array();
  for (const LockedDownload &d : sorted.downloads)
    root["downloads"].push_back({{"name", d.name}, {"url", d.url}, {"sha256", d.sha256}});
  return root.dump(2) + "\n";  // nlohmann's object is a std::map: keys come out sorted
}

std::optional<LockFile> parseLock(const std::string &textIn, LockParseError &error) {
  json root;
  try {
    root = json::parse(textIn);
  } catch (const json::exception &e) {
    // parse_error knows its byte; other failures (a number too large for
    // any integer type: out_of_range 406, found by fuzz_lockfile) do not.
    auto *parse = dynamic_cast<const json::parse_error *>(&e);
    error.offset = parse && parse->byte > 0 ? std::min<std::size_t>(parse->byte - 1, textIn.size()) : 0;
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    if (std::size_t tag = what.find("] "); what.rfind("[json.exception.", 0) == 0 && tag != std::string::npos)
      what = what.substr(tag + 2);
    if (parse)
      if (std::size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    error.message = "not valid JSON: " + what;
    return std::nullopt;
  }
  try {
    if (!root.is_object()) throw Invalid{"", "the top level is not a JSON object"};
    LockFile lock;
    const json &version = member(root, "version", json::value_t::number_unsigned, "the lock");
    if (version.get<long long>() != kLockVersion)
      throw Invalid{"version", fmt::format("lock version {} is not supported (this tdxc reads version {})",
                                           version.dump(), kLockVersion)};
    lock.source = text(root, "source", "the lock");
    lock.recipeDigest = text(root, "recipe_digest", "the lock", &kDigest);
    for (const json &entry : member(root, "git", json::value_t::array, "the lock")) {
      if (!entry.is_object()) throw Invalid{"git", "an entry of \"git\" is not an object"};
      lock.git.push_back({text(entry, "name", "a git entry"), text(entry, "url", "a git entry"),
                          text(entry, "ref", "a git entry"), text(entry, "commit", "a git entry", &kCommit)});
    }
    for (const json &entry : member(root, "downloads", json::value_t::array, "the lock")) {
      if (!entry.is_object()) throw Invalid{"downloads", "an entry of \"downloads\" is not an object"};
      lock.downloads.push_back({text(entry, "name", "a download entry"), text(entry, "url", "a download entry"),
                                text(entry, "sha256", "a download entry", &kSha256)});
    }
    sortByName(lock.git);
    sortByName(lock.downloads);
    rejectDuplicates(lock.git, "git source");
    rejectDuplicates(lock.downloads, "download");
    return lock;
  } catch (const Invalid &invalid) {
    error.offset = invalid.key.empty() ? 0 : offsetOfKey(textIn, invalid.key);
    error.message = invalid.message;
    return std::nullopt;
  }
}

std::size_t offsetOfKey(const std::string &text, const std::string &key) {
  std::size_t at = text.find(fmt::format("\"{}\"", key));
  return at == std::string::npos ? 0 : at;
}

}  // namespace tdxc::lock
