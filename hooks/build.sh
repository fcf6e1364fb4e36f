#!/usr/bin/env bash
# ASK CLI's custom build hook (ask deploy runs {project}/hooks/build.sh in place of its own npm
# build): builds the Lambda bundle with `npm run bundle` and hands ASK CLI the zip to upload.
#   $1  the zip file ASK CLI expects (absolute, or relative to the directory it runs us in)
#   $2  "true" for verbose output
set -euo pipefail
target="$1"
case "$target" in /*) ;; *) target="$PWD/$target" ;; esac
cd "$(dirname "$0")/.."
if [ "${2:-false}" = "true" ]; then npm run bundle; else npm run --silent bundle >/dev/null; fi
mkdir -p "$(dirname "$target")"
cp dist/bundle/lambda.zip "$target"
