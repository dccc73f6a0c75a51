#include "frontend/parsed_stdlib.h"

#include "frontend/parse.h"
#include "frontend/stdlib.h"

namespace tdxc {

ParsedStdlib::ParsedStdlib() {
  for (const StdlibFile &file : stdlibFiles()) {
    std::string name(file.name);
    FileId id = sources_.add("std/" + name + ".tdx", std::string(file.text));
    DiagnosticEngine diags;
    ast::File ast = parseFile(sources_.file(id), diags);
    files_.emplace(name, File{std::move(ast), diags.sorted()});
  }
}

const ParsedStdlib::File *ParsedStdlib::find(const std::string &name) const {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace tdxc
