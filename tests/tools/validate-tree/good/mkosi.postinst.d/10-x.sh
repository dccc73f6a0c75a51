#!/bin/bash
# Runs on the host after the extra trees are copied; $BUILDROOT is the image.
set -euo pipefail
echo "postinst ${1:-}: profiles=${PROFILES:-none}"
install -d "$BUILDROOT/etc/tdxc"
