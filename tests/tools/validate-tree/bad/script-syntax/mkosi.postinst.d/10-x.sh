#!/bin/bash
if true; then
  echo "unterminated
fi
