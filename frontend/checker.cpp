// The image checker: walks the image's blocks, expands module uses in place
// (arguments checked and bound as an evaluator scope, top-level asserts
// first, once { } expansions kept only when new in the scope), resolves if
// chains and evaluates labels. Schema checks of single assignments are in
// type_check.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "frontend/type_check.h"
#include "support/suggest.h"

namespace tdxc {
namespace {

bool validInstanceName(const std::string &name) {
  return !name.empty() &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
             std::string::npos &&
         name[0] != '.' && name[0] != '-';
}

class Checker {
 public:
  Checker(Evaluator &evaluator, DiagnosticEngine &diags, const ModuleTable &modules)
      : evaluator_(evaluator), diags_(diags), modules_(modules) {}

  CheckedBlock checkImage(const ast::Block &image) {
    scopes_.emplace_back();
    std::vector<const ast::Block *> profiles;
    deferredProfiles_ = &profiles;
    CheckedBlock out = start(image, *findBlockSpec("image"));
    checkMembers(image, *out.spec, out, false, nullptr);
    deferredProfiles_ = nullptr;
    for (const ast::Block *profile : profiles) {
      scopes_.emplace_back();
      CheckedBlock checked = check(*profile, *findBlockSpec("profile"), true);
      scopes_.pop_back();
      if (checked.spec) out.children.push_back(std::move(checked));
    }
    finish(image, out);
    checkUnusedModules();
    return out;
  }

  // A module that no use expands is still checked once, so that a mistake in
  // it is reported before someone uses it: parameters are bound to their
  // defaults, or to error values (which never produce diagnostics of their
  // own) when they have none. The expansion is thrown away.
  void checkUnusedModules() {
    for (const ModuleInfo *module : modules_.all()) {
      if (expanded_.count(module)) continue;
      expanded_.insert(module);
      scopes_.clear();
      scopes_.emplace_back();
      CheckedBlock scratch;
      scratch.spec = findBlockSpec("image");
      bindParameters(*module, {}, Value::ofString(defaultInstanceName(module->decl->name), module->decl->nameRange),
                     std::nullopt);
      useStack_.push_back(module);
      checkMembers(module->decl->body, *scratch.spec, scratch, false, module);
      useStack_.pop_back();
      evaluator_.popScope();
    }
  }

 private:
  // The expansion bookkeeping of one scope: the image, or one profile (which
  // also sees the image's scope, as its content is layered on the image).
  struct Scope {
    std::map<std::string, SourceRange> instances;  // "Module/instance" -> use site
    std::set<std::string> onceExpansions;          // fingerprints
    bool scratch = false;                          // see expandOnce
  };

  CheckedBlock start(const ast::Block &block, const BlockSpec &spec) {
    CheckedBlock out;
    out.block = &block;
    out.spec = &spec;
    if (block.labelExpr) {
      if (spec.labelForbidden) {
        diags_.report(DiagKind::LabelNotAllowed, block.labelRange,
                      fmt::format("{} blocks take no label: write {} {{ ... }}", spec.kind, spec.kind));
      } else {
        Value label = evaluator_.evaluate(*block.labelExpr);
        if (label.kind == Value::Kind::String) out.labelText = label.str;
      }
    } else if (spec.labelRequired) {
      diags_.report(
          DiagKind::LabelRequired, block.kindRange,
          fmt::format("{} needs a label: {} \"...\" {{ }} naming {}", spec.kind, spec.kind, spec.labelMeaning));
    }
    return out;
  }

  void finish(const ast::Block &block, const CheckedBlock &out) {
    for (const KeySpec &key : out.spec->keys)
      if (key.required && !out.entry(key.name))
        diags_.report(DiagKind::MissingKey, block.labelExpr ? block.labelRange : block.kindRange,
                      fmt::format("{} \"{}\" needs '{}': {}", out.spec->kind, out.label(), key.name, key.doc));
  }

  CheckedBlock check(const ast::Block &block, const BlockSpec &spec, bool inProfile) {
    CheckedBlock out = start(block, spec);
    checkMembers(block, spec, out, inProfile, nullptr);
    finish(block, out);
    return out;
  }

  // Checks `source`'s members into `out`. `source` is `out`'s own block, an
  // if-branch inside it, or the body of a module used in it (`module` set).
  void checkMembers(const ast::Block &source, const BlockSpec &spec, CheckedBlock &out, bool inProfile,
                    const ModuleInfo *module) {
    for (const ast::Member &member : source.members) {
      if (member.assignment) {
        checkAssignment(*member.assignment, spec, out, evaluator_, diags_, inProfile, module != nullptr);
      } else if (member.use) {
        expandUse(*member.use, spec, out, inProfile);
      } else if (member.assertion) {
        // A module's top-level asserts ran before its expansion (expandUse).
        if (module == nullptr || &source != &module->decl->body)
          checkAssertion(*member.assertion, useSites_.empty() ? SourceRange{} : useSites_.back());
      } else if (member.ifChain) {
        for (const ast::IfBranch &branch : member.ifChain->branches) {
          if (!branch.condition) {
            checkMembers(branch.body, spec, out, inProfile, module);
            break;
          }
          std::optional<bool> taken = evaluator_.evaluateCondition(*branch.condition);
          if (!taken) break;  // reported; neither branch is trustworthy
          if (*taken) {
            checkMembers(branch.body, spec, out, inProfile, module);
            break;
          }
        }
      } else if (member.block) {
        checkChild(*member.block, spec, out, inProfile, module);
      }
    }
  }

  void checkChild(const ast::Block &child, const BlockSpec &spec, CheckedBlock &out, bool inProfile,
                  const ModuleInfo *module) {
    if (child.kind == "once" && module != nullptr) {
      expandOnce(child, spec, out, inProfile, module);
      return;
    }
    const BlockSpec *childSpec = findBlockSpec(child.kind);
    bool allowed =
        childSpec && std::find(spec.children.begin(), spec.children.end(), child.kind) != spec.children.end();
    if (child.kind == "profile" && module != nullptr) allowed = false;
    if (!allowed) {
      auto &d = diags_.report(DiagKind::UnknownBlock, child.kindRange,
                              fmt::format("'{}' blocks are not allowed in {}", child.kind, spec.kind));
      if (child.kind == "once") {
        d.notes.push_back({{}, "once { } groups a module's shared setup; it is only allowed in a module body"});
      } else if (!childSpec) {
        if (auto suggestion = closestMatch(child.kind, spec.children)) {
          d.notes.push_back({{}, fmt::format("did you mean '{}'?", *suggestion)});
          d.fixits.push_back({child.kindRange, *suggestion});
        }
      } else if (child.kind == "profile") {
        d.notes.push_back({{},
                           module ? "a module cannot declare profiles; use the module inside a profile instead"
                                  : "profiles cannot nest; declare every profile directly in the image"});
      }
      return;
    }
    if (child.kind == "profile" && deferredProfiles_ != nullptr) {
      deferredProfiles_->push_back(&child);
      return;
    }
    out.children.push_back(check(child, *childSpec, child.kind == "profile"));
  }

  // once { ... } in a module body: checked like the body, then kept only if
  // no earlier use in this scope (or the image under a profile) expanded it
  // to the same content.
  void expandOnce(const ast::Block &once, const BlockSpec &spec, CheckedBlock &out, bool inProfile,
                  const ModuleInfo *module) {
    if (once.labelExpr)
      diags_.report(DiagKind::LabelNotAllowed, once.labelRange, "once blocks take no label: write once { ... }");
    CheckedBlock shared;
    shared.block = out.block;
    shared.spec = out.spec;
    // Uses inside once { } register in a scratch scope: a second, identical
    // expansion (from another use or another module) must not look like a
    // second instance before it is recognised as the same setup.
    scopes_.emplace_back();
    scopes_.back().scratch = true;
    checkMembers(once, spec, shared, inProfile, module);
    Scope scratch = std::move(scopes_.back());
    scopes_.pop_back();
    // Only the content counts: the same setup reached from the image and
    // from a profile, or from two modules, is one setup.
    std::string key;
    for (const CheckedEntry &e : shared.entries) key += e.key + "=" + formatValue(e.value) + ";";
    for (const CheckedBlock &child : shared.children) key += fingerprint(child);
    for (const Scope &scope : scopes_)
      if (scope.onceExpansions.count(key)) return;
    scopes_.back().onceExpansions.insert(key);
    scopes_.back().onceExpansions.insert(scratch.onceExpansions.begin(), scratch.onceExpansions.end());
    for (const auto &[instance, range] : scratch.instances) registerInstance(instance, range);
    for (CheckedEntry &entry : shared.entries) mergeEntry(out, std::move(entry), diags_);
    for (CheckedBlock &child : shared.children) out.children.push_back(std::move(child));
  }

  void expandUse(const ast::Use &use, const BlockSpec &spec, CheckedBlock &out, bool inProfile) {
    const ModuleInfo *module = modules_.find(use.module);
    if (spec.kind != "image" && spec.kind != "profile") {
      diags_.report(
          DiagKind::UnknownBlock, use.args.kindRange,
          fmt::format("modules cannot be used inside {}; use them in the image, a profile or a module", spec.kind));
      return;
    }
    if (module == nullptr) {
      auto &d =
          diags_.report(DiagKind::UnknownModule, use.moduleRange, fmt::format("no module named '{}'", use.module));
      if (auto suggestion = closestMatch(use.module, modules_.names())) {
        d.notes.push_back({{}, fmt::format("did you mean '{}'?", *suggestion)});
        d.fixits.push_back({use.moduleRange, *suggestion});
      } else if (modules_.names().empty() || !modules_.find("Tdxs")) {
        d.notes.push_back({{}, "standard library modules need an import, e.g. import \"std/tdx\""});
      }
      return;
    }
    for (const ModuleInfo *active : useStack_)
      if (active == module) {
        diags_.report(DiagKind::ModuleRecursion, use.moduleRange,
                      fmt::format("module '{}' uses itself; modules cannot recurse", module->decl->name));
        return;
      }

    std::string instance = defaultInstanceName(module->decl->name);
    SourceRange instanceRange = use.moduleRange;
    if (use.args.labelExpr) {
      Value label = evaluator_.evaluate(*use.args.labelExpr);
      if (label.kind != Value::Kind::String) return;
      instance = label.str;
      instanceRange = use.args.labelRange;
      if (!validInstanceName(instance)) {
        diags_.report(DiagKind::InvalidValue, instanceRange,
                      fmt::format("instance name \"{}\" must be letters, digits, '_', '.' and '-' (it names files and "
                                  "units)",
                                  instance));
        return;
      }
    }
    if (!registerInstance(module->decl->name + "/" + instance, instanceRange)) return;

    std::map<std::string, Value> arguments;
    bool argumentsOk = bindArguments(use, *module, arguments);
    bool complete = bindParameters(*module, arguments, Value::ofString(instance, instanceRange), use.moduleRange);
    complete = complete && argumentsOk;
    // A module whose arguments fail its asserts is not expanded: its body
    // would only add follow-on errors to the one that matters.
    if (complete) {
      for (const ast::Member &member : module->decl->body.members)
        if (member.assertion && !checkAssertion(*member.assertion, use.moduleRange)) complete = false;
    }
    if (complete) {
      diags_.pushContext(
          {use.moduleRange, fmt::format("in module {} \"{}\", used here", module->decl->name, instance)});
      useStack_.push_back(module);
      expanded_.insert(module);
      useSites_.push_back(use.moduleRange);
      checkMembers(module->decl->body, spec, out, inProfile, module);
      useSites_.pop_back();
      useStack_.pop_back();
      diags_.popContext();
    }
    evaluator_.popScope();
  }

  // A failed assert is reported at the use that instantiated the module
  // (the user's line), with a note at the assert.
  bool checkAssertion(const ast::Assertion &assertion, SourceRange useSite) {
    std::optional<bool> holds = evaluator_.evaluateCondition(assertion.condition);
    Value message = evaluator_.evaluate(assertion.message);
    if (!message.isError() && message.kind != Value::Kind::String)
      diags_.report(DiagKind::TypeMismatch, message.range, "an assert message must be a string");
    if (!holds) return false;
    if (*holds) return true;
    SourceRange at = useSite.valid() ? useSite : assertion.range;
    std::string text = message.kind == Value::Kind::String ? message.str : "assertion failed";
    auto &d = diags_.report(DiagKind::AssertFailed, at, text);
    if (at != assertion.range) d.notes.push_back({assertion.condition.range, "required by this assert"});
    return false;
  }

  // Records a use as MODULE/INSTANCE; reports and returns false if the
  // scope (or, for a profile, the image) already has it. In a scratch scope
  // only the scratch scope itself is searched.
  bool registerInstance(const std::string &key, SourceRange range) {
    std::size_t first = scopes_.back().scratch ? scopes_.size() - 1 : 0;
    for (std::size_t i = first; i < scopes_.size(); ++i) {
      auto seen = scopes_[i].instances.find(key);
      if (seen == scopes_[i].instances.end()) continue;
      std::string module = key.substr(0, key.find('/'));
      auto &d = diags_.report(
          DiagKind::DuplicateInstance, range,
          fmt::format("module {} is already used as \"{}\"{}", module, key.substr(module.size() + 1),
                      i + 1 == scopes_.size() || scopes_.back().scratch ? "" : " in the image this profile extends"));
      d.notes.push_back({seen->second, "first used here"});
      d.notes.push_back({{}, fmt::format("give each use its own instance name: use {} \"NAME\" {{ ... }}", module)});
      return false;
    }
    scopes_.back().instances[key] = range;
    return true;
  }

  // Pushes the module's scope: `name`, then every parameter from `arguments`,
  // its default (evaluated in the scope, so it may use earlier parameters),
  // or an error value. With a use site a missing required argument is
  // reported there and the result is false; without one (checking an unused
  // module) the parameter is silently unknown.
  bool bindParameters(const ModuleInfo &module, const std::map<std::string, Value> &arguments, Value instanceName,
                      std::optional<SourceRange> useSite) {
    std::map<std::string, Value> scope;
    scope["name"] = std::move(instanceName);
    evaluator_.pushScope(std::move(scope));
    bool complete = true;
    for (std::size_t i = 0; i < module.decl->params.size(); ++i) {
      const ast::ParamDecl &param = module.decl->params[i];
      if (param.name == "name") continue;  // reported (E_DUPLICATE_PARAM); the implicit one stands
      auto given = arguments.find(param.name);
      if (given != arguments.end()) {
        evaluator_.bind(param.name, given->second);
        continue;
      }
      if (!param.defaultValue) {
        if (useSite) {
          diags_
              .report(DiagKind::MissingArgument, *useSite,
                      fmt::format("module {} needs '{}' ({}){}", module.decl->name, param.name,
                                  module.paramTypes[i] ? module.paramTypes[i]->describe() : "?",
                                  param.doc.empty() ? "" : ": " + firstLine(param.doc)))
              .notes.push_back({param.nameRange, "declared here"});
          complete = false;
        }
        evaluator_.bind(param.name, Value::error(useSite.value_or(param.nameRange)));
        continue;
      }
      Value value = evaluator_.evaluate(*param.defaultValue);
      if (module.paramTypes[i] && !checkValueType(value, *module.paramTypes[i], diags_))
        value = Value::error(value.range);
      evaluator_.bind(param.name, std::move(value));
    }
    return complete;
  }

  bool bindArguments(const ast::Use &use, const ModuleInfo &module, std::map<std::string, Value> &arguments) {
    std::map<std::string, SourceRange> seen;
    bool ok = true;
    for (const ast::Member &member : use.args.members) {
      if (!member.assignment) {
        SourceRange at = member.block ? member.block->kindRange
                         : member.use ? member.use->moduleRange
                                      : (member.ifChain ? member.ifChain->range : use.range);
        diags_.report(DiagKind::BadArgument, at,
                      fmt::format("module arguments are NAME = value; blocks, uses and ifs belong in the module body"));
        ok = false;
        continue;
      }
      const ast::Assignment &a = *member.assignment;
      Value value = evaluator_.evaluate(a.value);
      if (a.key == "name") {
        diags_.report(DiagKind::BadArgument, a.keyRange,
                      fmt::format("the instance name is the label: use {} \"NAME\" {{ ... }}", module.decl->name));
        ok = false;
        continue;
      }
      const ast::ParamDecl *param = module.findParam(a.key);
      if (param == nullptr) {
        auto &d = diags_.report(DiagKind::UnknownArgument, a.keyRange,
                                fmt::format("module {} has no parameter '{}'", module.decl->name, a.key));
        if (auto suggestion = closestMatch(a.key, module.paramNames())) {
          d.notes.push_back({{}, fmt::format("did you mean '{}'?", *suggestion)});
          d.fixits.push_back({a.keyRange, *suggestion});
        }
        ok = false;
        continue;
      }
      if (a.append) {
        diags_.report(DiagKind::BadArgument, a.keyRange, fmt::format("an argument is set once with '=', not '+='"));
        ok = false;
        continue;
      }
      if (auto first = seen.find(a.key); first != seen.end()) {
        diags_.report(DiagKind::DuplicateKey, a.keyRange, fmt::format("argument '{}' is given twice", a.key))
            .notes.push_back({first->second, "first given here"});
        ok = false;
        continue;
      }
      seen[a.key] = a.keyRange;
      std::size_t index = static_cast<std::size_t>(param - module.decl->params.data());
      if (module.paramTypes[index] && !checkValueType(value, *module.paramTypes[index], diags_)) {
        value = Value::error(value.range);
        ok = false;
      }
      if (value.containsError()) ok = false;
      arguments[a.key] = std::move(value);
    }
    return ok;
  }

  static std::string firstLine(const std::string &doc) { return doc.substr(0, doc.find('\n')); }

  Evaluator &evaluator_;
  DiagnosticEngine &diags_;
  const ModuleTable &modules_;
  std::vector<Scope> scopes_;
  std::vector<const ModuleInfo *> useStack_;
  std::set<const ModuleInfo *> expanded_;
  std::vector<SourceRange> useSites_;
  std::vector<const ast::Block *> *deferredProfiles_ = nullptr;
};

}  // namespace

CheckedBlock checkImage(const ast::Block &image, Evaluator &evaluator, DiagnosticEngine &diags,
                        const ModuleTable &modules) {
  return Checker(evaluator, diags, modules).checkImage(image);
}

}  // namespace tdxc
