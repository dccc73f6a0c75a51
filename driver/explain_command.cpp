// tdxc explain debloat|init: what the passes decided, in words, for one
// profile selection. Reads the IR after the whole pipeline.
#include <fmt/format.h>

#include <fstream>
#include <set>

#include "driver/commands.h"
#include "frontend/frontend.h"
#include "ir/debloat.h"
#include "passes/init_steps.h"
#include "passes/pass.h"

namespace tdxc {
namespace {

std::string selection(const std::vector<std::string> &profiles) {
  if (profiles.empty()) return "the base image, no profile";
  std::string out = "profiles ";
  for (std::size_t i = 0; i < profiles.size(); ++i) out += (i ? ", " : "") + profiles[i];
  return out;
}

std::string location(const SourceManager &sources, SourceRange range) {
  if (!range.valid()) return "";
  const SourceFile &file = sources.file(range.file);
  LineColumn lc = file.lineColumn(range.begin);
  return fmt::format("{}:{}", file.path(), lc.line);
}

// The unit names a dpkg file list of the systemd package installs, as the
// generated finalize script selects them.
std::vector<std::string> unitsInList(std::istream &in) {
  std::set<std::string> units;
  std::string path;
  static const std::vector<std::string> suffixes = {".service", ".socket", ".target", ".timer", ".path", ".mount"};
  while (std::getline(in, path)) {
    std::size_t marker = path.find("/systemd/system/");
    if (marker == std::string::npos) continue;
    std::string name = path.substr(marker + 16);
    if (name.find('/') != std::string::npos) continue;
    for (const std::string &suffix : suffixes)
      if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        units.insert(name);
  }
  return {units.begin(), units.end()};
}

int explainDebloat(const Options &options, const ir::Image &image, std::ostream &out, std::ostream &err) {
  ir::DebloatPlan plan = ir::combineDebloat(image, options.profiles);
  out << fmt::format("Debloat plan of image \"{}\" for {}: {}\n", image.name.value, selection(options.profiles),
                     plan.enabled ? "on" : "off");
  if (!plan.enabled) {
    out << "Nothing is removed or masked (no debloat block enables it, or an active layer sets enabled = false).\n";
    return 0;
  }
  out << fmt::format("\nRemoved paths ({}; shell globs, in the finalize phase):\n", plan.pathsRemove.size());
  for (const std::string &path : plan.pathsRemove) out << "  " << path << '\n';
  if (!plan.pathsKept.empty()) {
    out << fmt::format("\nKept paths ({}; removed by default, kept by paths_keep):\n", plan.pathsKept.size());
    for (const std::string &path : plan.pathsKept) out << "  " << path << '\n';
  }
  if (!plan.systemdMinimize) {
    out << "\nsystemd_minimize = false: no unit is masked and no systemd binary is removed.\n";
    return 0;
  }
  out << fmt::format("\nKept units ({}):\n", plan.unitsKeep.size());
  std::size_t width = 0;
  for (const auto &[unit, why] : plan.unitsKeep) width = std::max(width, unit.size());
  for (const auto &[unit, why] : plan.unitsKeep) out << fmt::format("  {:<{}}  {}\n", unit, width, why);
  out << "\nMasked units: ";
  if (options.systemdList.empty()) {
    // The build masks what the image's own systemd package ships; without
    // that list, show the reference package's, and say so.
    std::vector<std::string> masked;
    for (const std::string &unit : ir::referenceSystemdUnits())
      if (!plan.unitsKeep.count(unit)) masked.push_back(unit);
    out << fmt::format(
        "{} of the {} units of systemd {} (the build masks the units of the image's own systemd package; "
        "--systemd-list FILE lists another package):\n",
        masked.size(), ir::referenceSystemdUnits().size(), ir::referenceSystemdVersion());
    for (const std::string &unit : masked) out << "  " << unit << '\n';
  } else {
    std::ifstream list(options.systemdList);
    if (!list) {
      err << fmt::format("tdxc: cannot read --systemd-list file '{}'\n", options.systemdList);
      return 2;
    }
    std::vector<std::string> masked;
    for (const std::string &unit : unitsInList(list))
      if (!plan.unitsKeep.count(unit)) masked.push_back(unit);
    out << fmt::format("{} of the units in {}:\n", masked.size(), options.systemdList);
    for (const std::string &unit : masked) out << "  " << unit << '\n';
  }
  out << "\nKept systemd binaries (the package's others in /usr/bin are removed):\n";
  for (const std::string &bin : plan.binsKeep) out << "  " << bin << '\n';
  return 0;
}

int explainInit(const Options &options, const ir::Image &image, const SourceManager &sources, std::ostream &out) {
  std::vector<const ir::InitStep *> steps = orderedInitSteps(image, options.profiles);
  out << fmt::format("Init steps of image \"{}\" for {}: ", image.name.value, selection(options.profiles));
  if (steps.empty()) {
    out << "none; no runtime-init is generated.\n";
    return 0;
  }
  out << fmt::format("{}, run in this order by {} ({}):\n", steps.size(), kRuntimeInitPath, kRuntimeInitUnit);
  for (std::size_t i = 0; i < steps.size(); ++i)
    out << fmt::format("  {}. {:<28} priority {:<4} {}\n", i + 1, steps[i]->name.value, steps[i]->priority,
                       location(sources, steps[i]->range));
  out << "\nUnits that start after runtime-init.service and require it:\n";
  std::set<std::string> ordered;
  auto collect = [&](const ir::Content &c) {
    for (const ir::Service &svc : c.services)
      for (const ir::LocatedString &unit : svc.after)
        if (unit.value == kRuntimeInitUnit) ordered.insert(svc.name.value + ".service");
    for (const ir::Socket &sock : c.sockets)
      for (const ir::LocatedString &unit : sock.after)
        if (unit.value == kRuntimeInitUnit) ordered.insert(sock.name.value + ".socket");
    for (const ir::LocatedString &unit : c.initDropIns) ordered.insert(unit.value);
  };
  collect(image.base);
  for (const std::string &name : options.profiles)
    if (const ir::Profile *profile = ir::findProfile(image, name)) collect(profile->content);
  for (const std::string &unit : ordered) out << "  " << unit << '\n';
  return 0;
}

}  // namespace

int runExplain(const Options &options, std::ostream &out, std::ostream &err) {
  SourceManager sources;
  DiagnosticEngine diags;
  FrontendResult frontend = runFrontend(options.input, sources, diags, FrontendOptions{options.vars});
  if (frontend.image) {
    PassContext ctx{diags, sources};
    // The boot sequence and the debloat plan do not depend on tdx.lock, and
    // without the lock's pins the policy would report what the lock fixes.
    runPipeline(*frontend.image, ctx, PipelineOptions{"", nullptr, {"check-policy"}});
    for (const std::string &name : options.profiles) {
      if (!ir::findProfile(*frontend.image, name)) {
        err << fmt::format("tdxc: image \"{}\" has no profile '{}'\n", frontend.image->name.value, name);
        return 2;
      }
    }
  }
  int status = finishDiagnostics(options, sources, diags, out, err);
  if (status != 0 || !frontend.image) return status;
  return options.topic == "debloat" ? explainDebloat(options, *frontend.image, out, err)
                                    : explainInit(options, *frontend.image, sources, out);
}

}  // namespace tdxc
