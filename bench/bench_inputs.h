// Inputs shared by the benchmarks: the example file and a generated image.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace tdxc::bench {

inline std::string readExample() {
  std::string path = std::string(TDXC_SOURCE_DIR) + "/examples/qemu_basic.tdx";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "tdxc_bench: cannot read " << path << '\n';
    std::exit(1);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// An image with n services, each with exec, user, after and environment, and
/// one user per 10 services (n/10 users, each running 10 services).
inline std::string servicesImage(std::int64_t n) {
  std::string text;
  text.reserve(static_cast<std::size_t>(n) * 260 + 256);
  text += "image \"bench-services\" {\n";
  text += "  packages = [\"systemd\", \"curl\"]\n";
  for (std::int64_t u = 0; u < (n + 9) / 10; ++u)
    text += fmt::format("  user \"svc-user-{}\" {{ system = true }}\n", u);
  for (std::int64_t i = 0; i < n; ++i) {
    text += fmt::format("  service \"svc-{}\" {{\n", i);
    text += fmt::format("    exec = [\"/usr/bin/worker\", \"--id\", \"{}\", \"--listen=127.0.0.1:{}\"]\n", i,
                        10000 + i % 50000);
    text += fmt::format("    user = \"svc-user-{}\"\n", i / 10);
    text += "    after = [\"network-online.target\"]\n";
    text +=
        fmt::format("    environment = {{ WORKER_ID = \"{}\", LOG_LEVEL = \"info\", THREADS = {} }}\n", i, 1 + i % 8);
    text += "  }\n";
  }
  text += "}\n";
  return text;
}

}  // namespace tdxc::bench
