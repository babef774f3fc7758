# Shared set-up for ./tessera and ./run-tests: find JDK 25, check the native libraries, build the jar.
# Sourced, not run. Everything it prints goes to stderr so command output stays clean for scripts.

TESSERA_HOME=${TESSERA_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# TESSERA_GPU=1: the GPU build (Maven profile gpu: onnxruntime_gpu, CUDA 12 + cuDNN 9, linux-x64), its own jar.
if [ "${TESSERA_GPU:-0}" = 1 ]; then
  TESSERA_JAR="$TESSERA_HOME/target/tessera-gpu.jar"; TESSERA_MAVEN_PROFILE=(-Pgpu)
else
  TESSERA_JAR="$TESSERA_HOME/target/tessera.jar"; TESSERA_MAVEN_PROFILE=()
fi
# --sun-misc-unsafe-memory-access cannot live in a jar manifest, hence this launcher.
TESSERA_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
                   --sun-misc-unsafe-memory-access=allow)

say() { printf 'tessera: %s\n' "$*" >&2; }

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

# JAVA_HOME if it is 25 or newer, else Temurin 25 where Debian/Adoptium put it, else any JDK 25 found.
find_jdk() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    local v; v=$(java_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$c"; return 0; fi
  done
  say "no JDK 25 found. Install Temurin 25 (e.g. apt-get install temurin-25-jdk from Adoptium's repository) or set JAVA_HOME to a JDK 25."
  return 1
}

# Debian packages Tessera needs at run time (plus extras for tests), installed when missing and root.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >&2 \
      || { say "apt-get install ${missing[*]} failed"; return 1; }
  else
    say "missing system packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}"
    return 1
  fi
}

RUNTIME_PACKAGES=(libopenslide0 libturbojpeg0 libopenblas-dev)

# DuckDB 1.x as an independent reader for the catalogue-compatibility tests: the Node client, installed once
# into a cache outside the repository and named in TESSERA_DUCKDB_NODE (read by DuckDbOneClient).
DUCKDB_NODE_VERSION=1.5.6-r.1
ensure_duckdb_node() {
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/tessera/duckdb-node-$DUCKDB_NODE_VERSION"
  if [ ! -d "$dir/node_modules/@duckdb/node-api" ]; then
    command -v npm >/dev/null || ensure_packages nodejs npm || return 1
    say "installing @duckdb/node-api $DUCKDB_NODE_VERSION (DuckDB 1.x, for the compatibility tests) into $dir"
    mkdir -p "$dir" && (cd "$dir" && printf '{"private": true}\n' > package.json \
      && npm install --no-audit --no-fund --silent "@duckdb/node-api@$DUCKDB_NODE_VERSION") >&2 \
      || { say "npm install @duckdb/node-api@$DUCKDB_NODE_VERSION failed"; return 1; }
  fi
  export TESSERA_DUCKDB_NODE="$dir"
}

# Maven's own guava warns about sun.misc.Unsafe on JDK 25; this JDK flag silences it.
maven_opts() { printf '%s' "${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; }

# Builds target/tessera.jar (tessera-gpu.jar with TESSERA_GPU=1) when it is missing or older than any source, pom
# or .sql file. The GPU build downloads onnxruntime_gpu (about 640 MB) into ~/.m2 the first time.
ensure_jar() {
  local stale=""
  if [ ! -f "$TESSERA_JAR" ]; then
    stale=yes
  else
    stale=$(find "$TESSERA_HOME/pom.xml" "$TESSERA_HOME"/*/pom.xml "$TESSERA_HOME"/*/src/main "$TESSERA_HOME/sql" \
                 -newer "$TESSERA_JAR" -type f -print -quit 2>/dev/null)
  fi
  [ -z "$stale" ] && return 0
  command -v mvn >/dev/null || { say "Maven is needed to build Tessera: apt-get install maven"; return 1; }
  say "building target/$(basename "$TESSERA_JAR") (first run or sources changed)..."
  (set -o pipefail; cd "$TESSERA_HOME" && JAVA_HOME="$JDK" MAVEN_OPTS="$(maven_opts)" \
      mvn -q -B -Dstyle.color=never -DskipTests "${TESSERA_MAVEN_PROFILE[@]}" package 2>&1 | sed 's/\x1b\[[0-9;]*m//g') >&2 \
    || { say "build failed"; return 1; }
}
