# lit configuration for tdxc. Run through CMake (`ctest -R lit`) or directly:
#   python3 /usr/lib/llvm-14/build/utils/lit/lit.py -sv build/dev/tests/lit
import os
import shutil

import lit.formats

config.name = "tdxc"
# External shell (bash): RUN lines use subshells, umask and exit-status tests.
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".tdx", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.binary_dir, "lit-out")

llvm_bin = "/usr/lib/llvm-14/bin"
config.environment["PATH"] = os.pathsep.join([config.tool_dir, llvm_bin, config.environment.get("PATH", os.environ["PATH"])])
config.environment["NO_COLOR"] = "1"
for passthrough in ["ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "HOME", "TMPDIR"]:
    if passthrough in os.environ:
        config.environment[passthrough] = os.environ[passthrough]

repo = os.path.dirname(os.path.dirname(config.test_source_root))
config.substitutions.append(("%tdxc", os.path.join(config.tool_dir, "tdxc")))
config.substitutions.append(("%repo", repo))
config.substitutions.append(("%validate-tree", "bash " + os.path.join(repo, "scripts", "validate-tree.sh")))
# Language server transcripts (tests/lit/lsp): frames the messages of a file.
config.substitutions.append(("%lsp-transcript", "python3 " + os.path.join(repo, "tests", "tools", "lsp-transcript.py") +
                             " " + os.path.join(config.tool_dir, "tdxc")))

# Real-tool tests need mkosi 25.3 (installed by scripts/setup.sh), shellcheck
# and systemd-analyze. Without them those tests are UNSUPPORTED, never faked.
mkosi = os.path.join(repo, ".deps", "bin", "mkosi")
if os.path.exists(mkosi) and shutil.which("shellcheck") and shutil.which("systemd-analyze"):
    config.available_features.add("realtools")
    config.environment["MKOSI"] = mkosi
    # Go builds the agents that the standard library embeds as source.
    if shutil.which("go") and shutil.which("curl"):
        config.available_features.add("go")
    elif os.environ.get("TDXC_REQUIRE_REALTOOLS") == "1":
        lit_config.fatal("go or curl is missing; run scripts/setup.sh")
elif os.environ.get("TDXC_REQUIRE_REALTOOLS") == "1":
    # scripts/test.sh sets this: there, a missing tool is an error, not a skip.
    lit_config.fatal("mkosi (.deps/bin/mkosi), shellcheck or systemd-analyze is missing; run scripts/setup.sh")

# The azure and gcp disk conversions run on the host with Debian's disk tools
# (scripts/setup.sh installs them). Without them that test is UNSUPPORTED.
disk_tools = ["qemu-img", "sgdisk", "mcopy", "mkfs.vfat", "fsck.vfat"]
sbin_path = os.pathsep.join([config.environment["PATH"], "/usr/sbin", "/sbin"])
if all(shutil.which(t, path=sbin_path) for t in disk_tools):
    config.available_features.add("disktools")
elif os.environ.get("TDXC_REQUIRE_REALTOOLS") == "1":
    lit_config.fatal("one of %s is missing; run scripts/setup.sh" % ", ".join(disk_tools))

# The nethermind-tdx equivalence test needs an upstream checkout (commit
# 7ac44e7); without one it is UNSUPPORTED, and this says so on every run.
upstream = os.environ.get("NETHERMIND_TDX_DIR")
if upstream and os.path.isfile(os.path.join(upstream, "surge-tdx-prover.conf")):
    config.available_features.add("nethermind-tdx")
    config.environment["NETHERMIND_TDX_DIR"] = upstream
else:
    lit_config.note("NETHERMIND_TDX_DIR is not set to a nethermind-tdx checkout: "
                    "examples/nethermind_equivalence.test is SKIPPED")

# The end-to-end bake + boot test (e2e/) takes minutes and needs the Debian
# mirror, so it runs only with TDXC_E2E=1 (scripts/test.sh sets it). Then a
# missing qemu or OVMF is an error; an unreachable mirror skips it, loudly.
def host_mirror():
    try:
        for line in open("/etc/apt/sources.list.d/debian.sources", encoding="utf-8"):
            if line.startswith("URIs:"):
                return line.split()[1]
    except OSError:
        pass
    return "http://deb.debian.org/debian"

if os.environ.get("TDXC_E2E") == "1":
    import subprocess
    mirror = os.environ.get("TDXC_E2E_MIRROR") or host_mirror()
    if not (shutil.which("qemu-system-x86_64") and os.path.exists("/usr/share/OVMF/OVMF_CODE_4M.fd")):
        lit_config.fatal("TDXC_E2E=1 needs qemu-system-x86_64 and OVMF; run scripts/setup.sh")
    probe = subprocess.run(["curl", "-fsSI", "--max-time", "20", mirror.rstrip("/") + "/dists/trixie/InRelease"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode == 0:
        config.available_features.add("e2e")
        config.environment["TDXC_E2E_MIRROR"] = mirror
        # e2e/nonroot.test bakes as a user other than root: it creates that
        # user, so it needs root, and the user must reach tdxc and mkosi in
        # this checkout (every directory above them searchable by others).
        def searchable_by_others(path):
            path = os.path.abspath(path)
            while True:
                try:
                    if not os.stat(path).st_mode & 0o001:
                        return False
                except OSError:  # missing (.deps/mkosi before scripts/setup.sh)
                    return False
                if path == "/":
                    return True
                path = os.path.dirname(path)
        skipped_marker = os.path.join(config.binary_dir, "e2e-nonroot-skipped")
        if os.path.exists(skipped_marker):
            os.remove(skipped_marker)
        if os.geteuid() != 0:
            reason = "it creates a test user and needs root"
        elif not (searchable_by_others(config.tool_dir) and searchable_by_others(os.path.join(repo, ".deps", "mkosi"))):
            reason = "the checkout or build directory is not searchable by other users (or .deps/mkosi is missing)"
        else:
            reason = None
        if reason:
            lit_config.note("*** e2e/nonroot.test SKIPPED: %s ***" % reason)
            open(skipped_marker, "w").write(reason + "\n")
        else:
            config.available_features.add("nonroot-e2e")
    else:
        lit_config.note("*** e2e/boot.test SKIPPED: the Debian mirror %s is unreachable (curl exit %d) ***"
                        % (mirror, probe.returncode))
        open(os.path.join(config.binary_dir, "e2e-skipped"), "w").write(mirror + "\n")
else:
    lit_config.note("e2e/boot.test (bake + QEMU boot) runs only with TDXC_E2E=1")

# The end-to-end language-server test drives `tdxc lsp` with a real client
# (tests/lsp-client, vscode-languageserver-protocol from npm, installed by
# scripts/setup.sh with `npm ci`). Without node or the installed packages the
# test is UNSUPPORTED, and this says so on every run; scripts/test.sh sets
# TDXC_REQUIRE_LSP_CLIENT=1, so there it is an error instead.
lsp_client = os.path.join(repo, "tests", "lsp-client")
if shutil.which("node") and os.path.isdir(os.path.join(lsp_client, "node_modules", "vscode-languageserver-protocol")):
    config.available_features.add("lsp-client")
    config.substitutions.append(("%lsp-client", "node " + os.path.join(lsp_client, "e2e.js")))
elif os.environ.get("TDXC_REQUIRE_LSP_CLIENT") == "1":
    lit_config.fatal("node or tests/lsp-client/node_modules is missing; run scripts/setup.sh")
else:
    lit_config.note("node or tests/lsp-client/node_modules is missing: the end-to-end LSP client test "
                    "(lsp/e2e_client.test) is SKIPPED; run scripts/setup.sh")

# The VS Code extension builds with npm (tests/lit/editors/vscode_build.test).
if shutil.which("npm"):
    config.available_features.add("npm")
elif os.environ.get("TDXC_REQUIRE_LSP_CLIENT") == "1":
    lit_config.fatal("npm is missing; run scripts/setup.sh")
else:
    lit_config.note("npm is missing: editors/vscode_build.test is SKIPPED; run scripts/setup.sh")
