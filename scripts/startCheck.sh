#!/usr/bin/env bash
# CI: the product starts with `npm start` on the Node.js first on PATH (the LTS line the tests did
# not run on, docs/decisions/0021-node-lts.md), with a fresh embedded lake, and serves the policy in
# both languages and the Studio; then it is stopped. On the end-to-end tests' ports and settings,
# so that their build is reused (E2E_PORT_BASE moves it, as it moves the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

base=${E2E_PORT_BASE:-3100}
export PORT=$base SITE_URL=http://localhost:$base
export LAKE_PORT=$((base + 1)) LAKE_HTTPS_PORT=$((base + 2))
export LAKE_DATA_DIR=$PWD/.data/e2e-lake-$base LAKE_FRESH=1
mkdir -p .data
log=.data/start-check-$base.log

setsid npm start >"$log" 2>&1 &
pid=$!
trap 'kill -TERM -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

if ! node - "$SITE_URL" <<'EOF'; then
const origin = process.argv[2]
const pages = [
  ['/fr/politique-de-confidentialite', 'Politique de confidentialité'],
  ['/en/privacy-policy', 'Privacy policy'],
  ['/studio', '<html'],
]
const deadline = Date.now() + 600_000
async function answer(path, expected) {
  for (;;) {
    try {
      const response = await fetch(origin + path)
      const text = await response.text()
      if (response.ok && text.includes(expected)) return
      if (Date.now() > deadline) throw new Error(`${path}: ${response.status}`)
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}
for (const [path, expected] of pages) await answer(path, expected)
EOF
  echo "The product did not start on Node.js $(node --version); its output:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
echo "The product starts on Node.js $(node --version): the policy in French and English, and the Studio."
