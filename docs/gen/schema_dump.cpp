// Prints the schema of one block kind (argv[1]) as a markdown table, or the
// list of image-only keys ("--image-only"), straight from frontend/schema.cpp.
#include <iostream>
#include <string>

#include "frontend/schema.h"
using namespace tdxc;

static std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else
      out += c;
  }
  return out;
}
static std::string typeName(const TypeSpec &t) {
  if (t.kind == TypeSpec::Kind::Map && t.element->kind == TypeSpec::Kind::Scalar)
    return "map of string, int or bool values";
  if (t.kind == TypeSpec::Kind::List && t.element->kind == TypeSpec::Kind::Enum) {
    std::string d = t.element->describe();
    return "list of " + d.substr(7);  // drop "one of "
  }
  return t.describe();
}
static std::string code(const std::string &s) { return s.empty() ? s : "`" + s + "`"; }

int main(int argc, char **argv) {
  std::string what = argc > 1 ? argv[1] : "";
  if (what == "--image-only") {
    const BlockSpec *image = findBlockSpec("image");
    bool first = true;
    for (const KeySpec &k : image->keys)
      if (isImageOnlyKey(k.name)) {
        std::cout << (first ? "" : ", ") << "`" << k.name << "`";
        first = false;
      }
    std::cout << "\n";
    return 0;
  }
  if (what == "--kinds") {
    for (const BlockSpec &b : allBlockSpecs()) std::cout << b.kind << "\n";
    return 0;
  }
  bool contentOnly = what == "image-own";
  bool profileKeys = what == "content";
  const BlockSpec *spec = findBlockSpec(contentOnly ? "image" : profileKeys ? "profile" : what);
  if (!spec) {
    std::cerr << "no block " << what << "\n";
    return 1;
  }
  if (what == "--info") return 0;
  if (argc > 2 && std::string(argv[2]) == "--meta") {
    std::cout << "label: " << spec->labelMeaning << " (required: " << (spec->labelRequired ? "yes" : "no") << ")\n";
    std::cout << "doc: " << spec->doc << "\n";
    std::cout << "children:";
    for (auto &c : spec->children) std::cout << " " << c;
    std::cout << "\nopen keys: " << (spec->openKeys ? spec->openKeyType.describe() : "no") << "\n";
    return 0;
  }
  if (spec->openKeys) {
    std::cout << "Any key is accepted; values have type " << spec->openKeyType.describe() << ".\n";
    return 0;
  }
  std::cout << "| Key | Type | Default | Meaning |\n|---|---|---|---|\n";
  for (const KeySpec &k : spec->keys) {
    if (contentOnly && findBlockSpec("profile")->findKey(k.name)) continue;
    std::string def = k.required ? "required" : k.defaultText.empty() ? "not set" : k.defaultText;
    bool literal =
        !k.required && !k.defaultText.empty() &&
        (k.defaultText[0] == '"' || k.defaultText[0] == '[' || k.defaultText[0] == '{' || k.defaultText == "true" ||
         k.defaultText == "false" || std::isdigit((unsigned char)k.defaultText[0]));
    std::cout << "| `" << k.name << "` | " << cell(typeName(k.type)) << " | " << (literal ? code(cell(def)) : cell(def))
              << " | " << cell(k.doc) << " |\n";
  }
  return 0;
}
