"""Prints a few facts from `mkosi --json summary` (v25: {"Images": [...]}) as
"Key: value" lines for FileCheck. Lists are space-joined, in mkosi's order."""
import json
import sys

image = json.load(open(sys.argv[1]))["Images"][-1]
for key in ["Packages", "ExtraTrees", "Format", "Hostname", "PostInstallationScripts", "FinalizeScripts"]:
    value = image.get(key)
    if isinstance(value, list):
        value = " ".join(item if isinstance(item, str) else (item.get("Source") or json.dumps(item, sort_keys=True)) for item in value)
    print(f"{key}: {value}")
