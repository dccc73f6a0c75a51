// How compile, check and bake use tdx.lock: find it, apply its pins before
// the passes run, and check that it still matches the source afterwards
// (a warning normally, an error with --frozen).
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic_engine.h"
#include "driver/options.h"
#include "ir/image.h"
#include "lock/lockfile.h"

namespace tdxc {

struct LockUse {
  std::string path;                    // where the lock is or would be
  std::optional<lock::LockFile> lock;  // present when read and valid
  std::string bytes;                   // the lock's raw bytes (its digest goes in reports)
  FileId file = kNoFile;               // the lock text in the SourceManager, for locations
};

/// tdx.lock next to the .tdx file, unless --lock names another file.
std::string lockPathFor(const Options &options);

/// Reads the lock (unless --no-lock) and applies its pins to `image`.
/// Reports E_LOCK_INVALID, and E_LOCK_MISSING under --frozen.
LockUse loadLock(const Options &options, ir::Image &image, SourceManager &sources, DiagnosticEngine &diags);

/// After the pipeline: the lock must be for this file and have this recipe
/// digest, and (frozen) pin every git source and download. W_LOCK_STALE, or
/// E_LOCK_STALE under --frozen. Returns the recipe digest when it had to
/// compute it (a lock for this file was read), so bake need not do it again.
std::optional<std::string> checkLockFresh(const Options &options, const ir::Image &image, const LockUse &use,
                                          DiagnosticEngine &diags);

}  // namespace tdxc
