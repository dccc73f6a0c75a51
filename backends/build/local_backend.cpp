// local: mkosi on this machine. As root it runs directly; as another user it
// runs inside `unshare --map-auto --map-root-user` (mkosi needs to be root in
// its namespace to install packages with the right owners).
#include <fmt/format.h>

#include "backends/build/backend.h"

namespace tdxc::build {
namespace {

class LocalBackend final : public Backend {
 public:
  explicit LocalBackend(LocalOptions options) : options_(std::move(options)), mkosi_(locateMkosi(options_.mkosi)) {}

  std::string name() const override { return "local"; }

  std::optional<std::string> unavailable() const override {
    if (!mkosi_)
      return options_.mkosi.empty()
                 ? std::string(
                       "mkosi not found: run scripts/setup.sh (installs mkosi 25.3 into .deps/), or pass "
                       "--mkosi PATH")
                 : fmt::format("--mkosi {}: no such executable", options_.mkosi);
    if (auto problem = mkosiVersionProblem(*mkosi_, runCaptured(Command{{*mkosi_, "--version"}, "", {}})))
      return problem;
    if (!options_.root && !findProgram("unshare"))
      return std::string("not running as root and unshare (util-linux) is not installed");
    return std::nullopt;
  }

  std::vector<Command> plan(const BuildRequest &request) const override {
    std::vector<std::string> argv;
    if (!options_.root) argv = {"unshare", "--map-auto", "--map-root-user", "--"};
    argv.push_back(mkosi_.value_or("mkosi"));
    for (std::string &arg : mkosiArguments(request)) argv.push_back(std::move(arg));
    return {Command{std::move(argv), "", {}}};
  }

  bool usesHostCaches() const override { return true; }

 private:
  LocalOptions options_;
  std::optional<std::string> mkosi_;
};

}  // namespace

std::unique_ptr<Backend> makeLocalBackend(const LocalOptions &options) {
  return std::make_unique<LocalBackend>(options);
}

}  // namespace tdxc::build
