#!/usr/bin/env bash
# Makes sure Debian's Chromium (used headless by the browser tests) is installed. Idempotent and quick when it is.
# Run by the Maven build before the tests, so that `./mvnw verify` needs nothing installed by hand.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: Chromium is missing and this is not a Debian/Ubuntu machine; install chromium yourself" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: Chromium is missing; run 'apt-get install chromium' as root" >&2
    exit 1
  fi
fi
echo "ensure-chromium: installing Debian's chromium package for the browser tests"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may still be running its own apt job (the dpkg lock is then held: wait for it, up to 10 minutes),
# and a mirror can fail once: three tries before the build gives up.
APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
for attempt in 1 2 3; do
  if $SUDO apt-get "${APT_OPTS[@]}" update -qq \
    && $SUDO apt-get "${APT_OPTS[@]}" install -y -qq --no-install-recommends chromium >/dev/null; then
    break
  fi
  [ "$attempt" -lt 3 ] || { echo "ensure-chromium: apt-get could not install chromium" >&2; exit 1; }
  echo "ensure-chromium: apt-get failed (attempt $attempt); retrying in 15 s" >&2
  sleep 15
done
command -v chromium >/dev/null
