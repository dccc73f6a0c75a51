#include "backends/mkosi/systemd_quote.h"

#include <gtest/gtest.h>

#include "backends/mkosi/ini_writer.h"

namespace tdxc::mkosi {
namespace {

TEST(SystemdQuote, PlainArgumentsStayPlain) {
  EXPECT_EQ(execLine({"/usr/bin/app", "--flag=1"}), "/usr/bin/app --flag=1");
}

TEST(SystemdQuote, QuotesSpacesQuotesAndBackslashes) {
  EXPECT_EQ(quoteExecArgument("two words"), "\"two words\"");
  EXPECT_EQ(quoteExecArgument("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(quoteExecArgument("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(quoteExecArgument(""), "\"\"");
  EXPECT_EQ(quoteExecArgument(";"), "\";\"");
}

TEST(SystemdQuote, EscapesSpecifiersAndVariables) {
  EXPECT_EQ(quoteExecArgument("100%"), "100%%");
  EXPECT_EQ(quoteExecArgument("$HOME"), "$$HOME");
  EXPECT_EQ(quoteEnvironmentAssignment("A", "$x 50%"), "\"A=$x 50%%\"");
}

TEST(ShellQuote, SingleQuotesWhenNeeded) {
  EXPECT_EQ(shellQuote("/etc/app.conf"), "/etc/app.conf");
  EXPECT_EQ(shellQuote("/etc/it's here"), "'/etc/it'\\''s here'");
}

TEST(IniWriter, ListsAreOneItemPerLine) {
  IniWriter ini("");
  ini.section("Content");
  ini.list("Packages", {"a", "b"});
  EXPECT_EQ(ini.finish(), "[Content]\nPackages=\n        a\n        b\n");
  EXPECT_EQ(escapeSpecifiers("50%x"), "50%%x");
}

TEST(SystemdQuote, ExpandEnvironmentKeepsDollar) {
  EXPECT_EQ(execLine({"/bin/app", "--port=${PORT}"}), "/bin/app --port=$${PORT}");
  EXPECT_EQ(execLine({"/bin/app", "--port=${PORT}", "a b"}, true), "/bin/app --port=${PORT} \"a b\"");
}

}  // namespace
}  // namespace tdxc::mkosi
