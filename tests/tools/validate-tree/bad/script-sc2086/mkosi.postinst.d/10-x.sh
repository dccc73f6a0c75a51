#!/bin/bash
set -euo pipefail
mkdir -p $BUILDROOT/etc/tdxc
