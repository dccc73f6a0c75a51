// libFuzzer target: tdx.lock comes from disk and may be damaged or hostile.
// parseLock must never crash, and whatever it accepts must serialize to a
// lock that parses back to the same bytes (the canonical form is stable).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "lock/lockfile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  tdxc::lock::LockParseError error;
  auto lock = tdxc::lock::parseLock(text, error);
  if (!lock) {
    if (error.offset > text.size()) std::abort();  // a location outside the file
    return 0;
  }
  std::string canonical = tdxc::lock::serializeLock(*lock);
  auto again = tdxc::lock::parseLock(canonical, error);
  if (!again || tdxc::lock::serializeLock(*again) != canonical) std::abort();
  return 0;
}
