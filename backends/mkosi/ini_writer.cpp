#include "backends/mkosi/ini_writer.h"

namespace tdxc::mkosi {

void IniWriter::section(const std::string &name) {
  if (anySection_ || !text_.empty()) text_ += '\n';
  text_ += "[" + name + "]\n";
  anySection_ = true;
}

void IniWriter::key(const std::string &key, const std::string &value) { text_ += key + "=" + value + "\n"; }

void IniWriter::list(const std::string &key, const std::vector<std::string> &items) {
  text_ += key + "=\n";
  for (const std::string &item : items) text_ += "        " + item + "\n";
}

std::string escapeSpecifiers(const std::string &value) {
  std::string out;
  for (char c : value) {
    if (c == '%') out += '%';
    out += c;
  }
  return out;
}

}  // namespace tdxc::mkosi
