"""Checks a bake directory's bake-result.json against the files on disk and
prints what report.json says about packages (for FileCheck)."""
import hashlib
import json
import os
import sys

bake = sys.argv[1]
result = json.load(open(os.path.join(bake, "bake-result.json")))
report = json.load(open(os.path.join(bake, "report.json")))
if len(sys.argv) > 2:
    lock = "sha256:" + hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()
    ok = result["lock_digest"] == lock and report["lock_digest"] == lock
    print("lock_digest is the lock file's sha256" if ok else "lock_digest DIFFERS: " + str(result["lock_digest"]))
for build in result["builds"]:
    for artifact in build["artifacts"]:
        digest = hashlib.sha256(open(os.path.join(bake, artifact["path"]), "rb").read()).hexdigest()
        if artifact["target"]:
            state = "matches" if digest == artifact["sha256"] else "DIFFERS"
            print("artifact %s sha256 %s, target %s" % (artifact["path"], state, artifact["target"]))
        elif digest != artifact["sha256"]:
            print("artifact %s sha256 DIFFERS" % artifact["path"])
for build in report["builds"]:
    installed = build["installed_packages"]
    for prefix in ("systemd=", "linux-image-"):
        for package in installed:
            if package.startswith(prefix):
                print("installed packages include %s" % package)
                break
    print("declared packages: " + " ".join(build["packages"]))
