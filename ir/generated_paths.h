// Image paths that tdxc generates itself. Shared by the conflict pass (a user
// file may not write them) and the mkosi backend (which writes them).
#pragma once

#include <string>

namespace tdxc::ir {

inline std::string unitPath(const std::string &unitName) { return "/usr/lib/systemd/system/" + unitName; }

// Base files use "50-tdxc"; profile files sort earlier ("40-tdxc-NAME") so a
// profile's preset lines win (systemd uses the first matching preset line).
inline std::string generatedStem(const std::string &profile) {
  return profile.empty() ? "50-tdxc" : "40-tdxc-" + profile;
}
inline std::string sysusersPath(const std::string &profile) {
  return "/usr/lib/sysusers.d/" + generatedStem(profile) + ".conf";
}
inline std::string tmpfilesPath(const std::string &profile) {
  return "/usr/lib/tmpfiles.d/" + generatedStem(profile) + ".conf";
}
inline std::string presetPath(const std::string &profile) {
  return "/usr/lib/systemd/system-preset/" + generatedStem(profile) + ".preset";
}

}  // namespace tdxc::ir
