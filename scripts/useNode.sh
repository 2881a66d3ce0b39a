# Puts a supported Node.js first on PATH, for the rest of the shell that sources it:
#
#   source scripts/useNode.sh        # keep the node on PATH if supported, else take Node.js 24
#   source scripts/useNode.sh 26     # this LTS line (CI runs the tests on one, starts on the other)
#
# A Node that package.json's engines does not accept is never used: the pinned release of the line
# is installed from the npm registry (the `node` package, which brings node-<os>-<arch> with its
# headers) into a folder of its own, .data/runtime/node-<version> (NODE_RUNTIME_DIR moves it), and
# npm_config_nodedir points node-gyp at its headers, so that native modules build offline for it.
# See docs/decisions/0021-node-lts.md.

# The release of each LTS line that machines install; `npm run outdated` says when a newer exists.
NODE_LTS_24=24.21.0
NODE_LTS_26=26.10.0

use_node() {
  local repo line current pin dir nodedir
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  line=${1:-}
  if [ -n "$line" ] && [ "$line" != 24 ] && [ "$line" != 26 ]; then
    echo "scripts/useNode.sh: Node.js $line is not a supported LTS line (24 or 26)." >&2
    return 2
  fi

  if command -v node >/dev/null 2>&1 &&
    node "$repo/scripts/nodeRuntime.mjs" ${line:+--line "$line"} 2>/dev/null; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "scripts/useNode.sh: no npm to install Node.js with: install Node.js ${line:-24} (LTS)." >&2
    return 1
  fi

  current=$(node --version 2>/dev/null || echo none)
  pin=NODE_LTS_${line:-24}
  pin=${!pin}
  dir=${NODE_RUNTIME_DIR:-$repo/.data/runtime}/node-$pin
  if [ ! -x "$dir/node_modules/node/bin/node" ]; then
    echo "Node.js $current is not supported here: installing Node.js $pin from the npm registry into $dir" >&2
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "node@$pin" >&2 || return 1
  fi
  for nodedir in "$dir"/node_modules/node/node_modules/node-*; do
    [ -f "$nodedir/include/node/node.h" ] && export npm_config_nodedir=$nodedir
  done
  export PATH="$dir/node_modules/node/bin:$PATH"
  hash -r
  node "$repo/scripts/nodeRuntime.mjs" ${line:+--line "$line"} || return 1
  echo "Using Node.js $(node --version) ($dir)" >&2
}

use_node "$@"
