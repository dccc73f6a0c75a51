#!/bin/bash
set -euo pipefail
echo "building in ${BUILDDIR:-unset}"
