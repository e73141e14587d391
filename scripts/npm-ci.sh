#!/usr/bin/env bash
# `npm ci` in the given directory (frontend-vendor/), skipped when its node_modules was installed by this script from
# the same package.json, lock and .npmrc (their SHA-256 is kept in node_modules). GraphiQL's dependency tree is over
# 10,000 files: reinstalling it took most of a minute on every build and every spring-boot:run.
set -euo pipefail
cd "$1"
stamp=node_modules/.tributary-npm-ci.sha256
want=$(cat package.json package-lock.json .npmrc | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "npm-ci: node_modules already holds what package-lock.json locks; nothing to install"
  exit 0
fi
npm ci --no-audit --no-fund --prefer-offline
echo "$want" >"$stamp"
