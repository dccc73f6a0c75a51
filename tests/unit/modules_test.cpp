// Modules, built-in functions and the boot passes, through the library API.
#include <gtest/gtest.h>

#include "frontend/builtins.h"
#include "frontend/frontend.h"
#include "frontend/module_table.h"
#include "ir/debloat.h"
#include "passes/init_steps.h"
#include "passes/pass.h"
#include "tests/unit/compile_helper.h"

namespace tdxc {
namespace {

using testing::compile;

Value map(std::vector<std::pair<std::string, Value>> items) {
  Value v = Value::error({});
  v.kind = Value::Kind::Map;
  for (auto &[key, value] : items) v.map.push_back({key, {}, std::move(value)});
  return v;
}

Value list(std::vector<Value> items) {
  Value v = Value::error({});
  v.kind = Value::Kind::List;
  v.list = std::move(items);
  return v;
}

TEST(Builtins, YamlQuotesStringsAndNestsBlocks) {
  Value doc = map({{"name", Value::ofString("a: \"b\"", {})},
                   {"port", Value::ofInt(80, {})},
                   {"tags", list({Value::ofString("x", {}), map({{"k", Value::ofBool(true, {})}})})},
                   {"empty", list({})}});
  EXPECT_EQ(toYaml(doc),
            "\"name\": \"a: \\\"b\\\"\"\n\"port\": 80\n\"tags\":\n  - \"x\"\n  - \"k\": true\n\"empty\": []");
}

TEST(Builtins, JsonKeepsSourceOrder) {
  Value doc = map({{"z", Value::ofInt(1, {})}, {"a", list({Value::ofString("\n", {})})}});
  EXPECT_EQ(toJson(doc), "{\n  \"z\": 1,\n  \"a\": [\n    \"\\n\"\n  ]\n}");
}

TEST(Modules, DefaultInstanceNameIsKebabCase) {
  EXPECT_EQ(defaultInstanceName("KeyGeneration"), "key-generation");
  EXPECT_EQ(defaultInstanceName("Tdxs"), "tdxs");
  EXPECT_EQ(defaultInstanceName("GCPPlatform"), "gcpplatform");
}

TEST(Modules, InstancesExpandWithTheirArgumentsAndSharedSetupOnce) {
  auto c = compile(R"(
    module M {
      param port: int = 1
      once { packages += ["shared"] }
      service "m-${name}" { exec = ["/bin/m", "${port}"] }
    }
    image "x" { use M "a" { port = 2 } use M "b" {} }
  )");
  ASSERT_FALSE(c->diags.hasErrors());
  const ir::Content &base = c->image->base;
  ASSERT_EQ(base.packages.size(), 1u);
  EXPECT_EQ(base.packages[0].value, "shared");
  ASSERT_EQ(base.services.size(), 2u);
  EXPECT_EQ(base.services[0].name.value, "m-a");
  EXPECT_EQ(base.services[0].exec[1], "2");
  EXPECT_EQ(base.services[1].exec[1], "1");
}

TEST(InitPasses, StepsSortStablyAndServicesOrderAfterRuntimeInit) {
  auto c = compile(R"(
    image "x" {
      init "b" { run = "b" }
      init "a" { priority = 5, run = "a" }
      init "c" { run = "c" }
      service "s" { exec = ["/bin/s"] }
      service "free" { exec = ["/bin/f"], after_init = false }
    }
  )");
  ASSERT_FALSE(c->diags.hasErrors());
  auto steps = orderedInitSteps(*c->image, {});
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0]->name.value, "a");
  EXPECT_EQ(steps[1]->name.value, "b");
  EXPECT_EQ(steps[2]->name.value, "c");
  const ir::Content &base = c->image->base;
  const ir::Service *s = nullptr, *free = nullptr, *init = nullptr;
  for (const ir::Service &svc : base.services) {
    if (svc.name.value == "s") s = &svc;
    if (svc.name.value == "free") free = &svc;
    if (svc.name.value == "runtime-init") init = &svc;
  }
  ASSERT_TRUE(s && free && init);
  ASSERT_FALSE(s->after.empty());
  EXPECT_EQ(s->after[0].value, "runtime-init.service");
  EXPECT_EQ(s->requiresUnits[0].value, "runtime-init.service");
  EXPECT_TRUE(free->after.empty());
  EXPECT_TRUE(init->after.size() == 1 && init->after[0].value == "network-online.target");
}

TEST(Debloat, ADisablingProfileWinsAndKeptPathsLeaveTheRemovals) {
  auto c = compile(R"(
    image "x" {
      debloat { paths_keep += ["/usr/share/doc"] }
      service "s" { exec = ["/bin/s"], wants = ["systemd-networkd.service"] }
      profile "off" { debloat { enabled = false } }
    }
  )");
  ASSERT_FALSE(c->diags.hasErrors());
  ir::DebloatPlan base = ir::combineDebloat(*c->image, {});
  EXPECT_TRUE(base.enabled);
  EXPECT_EQ(std::count(base.pathsRemove.begin(), base.pathsRemove.end(), "/usr/share/doc"), 0);
  EXPECT_EQ(base.pathsKept, std::vector<std::string>{"/usr/share/doc"});
  EXPECT_EQ(base.unitsKeep.at("systemd-networkd.service"), "needed by service s");
  EXPECT_FALSE(ir::combineDebloat(*c->image, {"off"}).enabled);
}

TEST(Debloat, DefaultsCanBeReplacedAndTheDefaultTargetChosen) {
  auto c = compile(R"(
    image "x" {
      debloat { defaults = false, paths_remove += ["/nix"], units_keep += ["minimal.target"], default_target = "minimal.target" }
    }
  )");
  ASSERT_FALSE(c->diags.hasErrors());
  ir::DebloatPlan plan = ir::combineDebloat(*c->image, {});
  EXPECT_EQ(plan.pathsRemove, std::vector<std::string>{"/nix"});
  EXPECT_EQ(plan.unitsKeep.size(), 1u);
  EXPECT_TRUE(plan.binsKeep.empty());
  EXPECT_EQ(plan.defaultTarget, "minimal.target");
}

TEST(Templates, DottedPlaceholdersUseQuotedKeys) {
  auto c = compile(R"(
    image "x" { template "/etc/env" { content = "URL={{net.l1_rpc}}\n", vars = { "net.l1_rpc" = "http://a&b" } } }
  )");
  ASSERT_FALSE(c->diags.hasErrors());
  EXPECT_EQ(c->image->base.files.at(0).content, "URL=http://a&b\n");
}

TEST(Expressions, BinaryOperatorsFollowPrecedence) {
  // '+' binds tighter than '==', which binds tighter than '&&', then '||'.
  auto c = compile(R"(
    image "x" {
      if "a" + "b" == "ab" && 1 < 2 || false { packages += ["yes"] }
      if false && true || 2 >= 3 { packages += ["no"] }
    }
  )");
  ASSERT_FALSE(c->diags.hasErrors());
  ASSERT_EQ(c->image->base.packages.size(), 1u);
  EXPECT_EQ(c->image->base.packages[0].value, "yes");
}

}  // namespace
}  // namespace tdxc
