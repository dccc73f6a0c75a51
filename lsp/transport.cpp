#include "lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace tdxc::lsp {
namespace {

constexpr std::size_t kMaxHeaderLine = 8192;

enum class LineStatus { Ok, TooLong, Eof };

// One header line without its "\r\n" (a bare "\n" is accepted too).
LineStatus readLine(std::istream &in, std::string &line) {
  line.clear();
  bool tooLong = false;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return tooLong ? LineStatus::TooLong : LineStatus::Ok;
    }
    if (line.size() < kMaxHeaderLine)
      line += static_cast<char>(c);
    else
      tooLong = true;
  }
  return LineStatus::Eof;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

MessageReader::Status MessageReader::read(std::string &body, std::string &error) {
  std::string line;
  bool sawHeader = false;
  bool haveLength = false;
  bool badHeader = false;
  std::size_t length = 0;
  while (true) {
    LineStatus status = readLine(in_, line);
    if (status == LineStatus::Eof) return Status::Eof;
    if (status == LineStatus::TooLong) {
      badHeader = true;
      error = "header line too long";
      sawHeader = true;
      continue;
    }
    if (line.empty()) {
      if (!sawHeader) continue;  // stray blank lines between messages
      break;
    }
    sawHeader = true;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      badHeader = true;
      error = "header without ':'";
      continue;
    }
    if (!equalsIgnoringCase(std::string_view(line).substr(0, colon), "Content-Length")) continue;
    std::string_view value = std::string_view(line).substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (ec != std::errc() || end != value.data() + value.size()) {
      badHeader = true;
      error = "Content-Length is not a number";
      continue;
    }
    haveLength = true;
  }
  if (badHeader) return Status::Malformed;
  if (!haveLength) {
    error = "no Content-Length header";
    return Status::Malformed;
  }
  if (length > kMaxMessageBytes) {
    // Skip the body in chunks, so the stream stays in sync.
    char chunk[65536];
    for (std::size_t left = length; left > 0 && in_;) {
      in_.read(chunk, static_cast<std::streamsize>(std::min(left, sizeof chunk)));
      left -= static_cast<std::size_t>(in_.gcount());
    }
    error = "message larger than " + std::to_string(kMaxMessageBytes) + " bytes";
    return in_ ? Status::Malformed : Status::Eof;
  }
  body.resize(length);
  in_.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in_.gcount()) != length) return Status::Eof;
  return Status::Message;
}

void writeMessage(std::ostream &out, const std::string &body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace tdxc::lsp
