#!/usr/bin/env bash
# The browser the end-to-end tests drive: Debian's Chromium, from Debian's packages. Playwright's own
# browser downloads are never used (playwright-core has none), so a machine without one installs it here.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "test:browser needs /usr/bin/chromium: run 'apt-get install -y chromium' as root" >&2
  exit 1
fi
echo "== installing Debian's chromium for the browser tests"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
