// JSON-RPC framing over a byte stream (the LSP base protocol): each message
// is "Content-Length: N\r\n" (other headers ignored), a blank line, then N
// bytes of JSON. Malformed framing is reported and skipped, never fatal.
#pragma once

#include <istream>
#include <ostream>
#include <string>

namespace tdxc::lsp {

class MessageReader {
 public:
  explicit MessageReader(std::istream &in) : in_(in) {}

  enum class Status { Message, Malformed, Eof };
  /// Reads the next message body. Malformed: the headers were unusable (the
  /// reason is in `error`); reading can continue with the next header block.
  Status read(std::string &body, std::string &error);

 private:
  std::istream &in_;
};

/// Writes one framed message and flushes.
void writeMessage(std::ostream &out, const std::string &body);

/// Bodies larger than this are discarded: no editor sends a .tdx file this big,
/// and a hostile length must not make the server allocate it.
inline constexpr std::size_t kMaxMessageBytes = 64u << 20;

}  // namespace tdxc::lsp
