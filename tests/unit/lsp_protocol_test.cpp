// file:// URIs and Content-Length framing.
#include <gtest/gtest.h>

#include <sstream>

#include "lsp/transport.h"
#include "lsp/uri.h"

namespace tdxc::lsp {
namespace {

TEST(Uri, RoundTripsPathsWithSpacesAndNonAscii) {
  std::string path = "/home/me/my images/caf\xC3\xA9 #1.tdx";
  std::string uri = pathToUri(path);
  EXPECT_EQ(uri, "file:///home/me/my%20images/caf%C3%A9%20%231.tdx");
  EXPECT_EQ(uriToPath(uri), path);
}

TEST(Uri, AcceptsLocalhostAndLowerCaseEscapes) {
  EXPECT_EQ(uriToPath("file://localhost/a/b%2fc"), "/a/b/c");
  EXPECT_EQ(uriToPath("file:///a%3A"), "/a:");
}

TEST(Uri, RejectsOtherSchemesHostsAndBadEscapes) {
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(uriToPath("file://server/share/x.tdx"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///a%2"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///a%zz"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///a%00b"), std::nullopt);
  EXPECT_EQ(uriToPath("file://"), std::nullopt);
}

MessageReader::Status readOne(MessageReader &reader, std::string &body) {
  std::string error;
  return reader.read(body, error);
}

TEST(Transport, ReadsConsecutiveMessagesAndIgnoresOtherHeaders) {
  std::istringstream in(
      "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
      "content-length:3\r\n\r\n[1]");
  MessageReader reader(in);
  std::string body;
  ASSERT_EQ(readOne(reader, body), MessageReader::Status::Message);
  EXPECT_EQ(body, "{}");
  ASSERT_EQ(readOne(reader, body), MessageReader::Status::Message);
  EXPECT_EQ(body, "[1]");
  EXPECT_EQ(readOne(reader, body), MessageReader::Status::Eof);
}

TEST(Transport, SkipsMalformedHeadersAndResynchronises) {
  std::istringstream in("Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\nok");
  MessageReader reader(in);
  std::string body, error;
  EXPECT_EQ(reader.read(body, error), MessageReader::Status::Malformed);
  EXPECT_EQ(error, "Content-Length is not a number");
  ASSERT_EQ(reader.read(body, error), MessageReader::Status::Message);
  EXPECT_EQ(body, "ok");
}

TEST(Transport, TruncatedBodyIsEndOfInput) {
  std::istringstream in("Content-Length: 10\r\n\r\nabc");
  MessageReader reader(in);
  std::string body;
  EXPECT_EQ(readOne(reader, body), MessageReader::Status::Eof);
}

TEST(Transport, OversizedBodyIsSkippedNotStored) {
  std::string huge(kMaxMessageBytes + 1, 'x');
  std::istringstream in("Content-Length: " + std::to_string(huge.size()) + "\r\n\r\n" + huge +
                        "Content-Length: 2\r\n\r\n{}");
  MessageReader reader(in);
  std::string body, error;
  EXPECT_EQ(reader.read(body, error), MessageReader::Status::Malformed);
  EXPECT_TRUE(body.empty());
  ASSERT_EQ(reader.read(body, error), MessageReader::Status::Message);
  EXPECT_EQ(body, "{}");
}

TEST(Transport, WritesFramedMessages) {
  std::ostringstream out;
  writeMessage(out, "{\"a\":\"\xC3\xA9\"}");
  EXPECT_EQ(out.str(), "Content-Length: 10\r\n\r\n{\"a\":\"\xC3\xA9\"}");  // bytes, not characters
}

}  // namespace
}  // namespace tdxc::lsp
