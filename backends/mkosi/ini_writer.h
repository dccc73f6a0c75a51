// Writes mkosi's INI dialect: [Section] headers, Key=Value lines, lists as an
// empty assignment followed by indented items (one item per line, which reads
// the same under mkosi 25's and 26's different list splitting).
#pragma once

#include <string>
#include <vector>

namespace tdxc::mkosi {

class IniWriter {
 public:
  explicit IniWriter(std::string header) : text_(std::move(header)) {}

  void section(const std::string &name);
  void key(const std::string &key, const std::string &value);
  void list(const std::string &key, const std::vector<std::string> &items);
  std::string finish() const { return text_; }

 private:
  std::string text_;
  bool anySection_ = false;
};

/// mkosi expands %-specifiers in every value; user text keeps its '%' this way.
std::string escapeSpecifiers(const std::string &value);

}  // namespace tdxc::mkosi
