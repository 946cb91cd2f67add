#!/usr/bin/env bash
# ctest `compat`: installs the official `openwhisk` npm client into the build folder (once; the
# lock file pins it) and runs compat.test.js with it against a fresh `funcdeskd serve`.
#   run_compat.sh FUNCDESKD NPM_DIR
# Exit 77 (ctest SKIP_RETURN_CODE) when the npm registry cannot be reached: the suite was not
# run, so it must not count as passed.
set -uo pipefail

funcdeskd=${1:?usage: run_compat.sh FUNCDESKD NPM_DIR}
npm_dir=${2:?usage: run_compat.sh FUNCDESKD NPM_DIR}
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
skip=77

for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "compat: SKIPPED: '$tool' is not installed (Node.js with npm is needed for the npm client)"
        exit $skip
    fi
done
if [[ ! -x "$funcdeskd" ]]; then
    echo "compat: FAILED: funcdeskd not found at $funcdeskd"
    exit 1
fi

# Install once per lock file: the stamp holds the lock file's hash.
mkdir -p "$npm_dir" && npm_dir=$(cd "$npm_dir" && pwd)
stamp="$npm_dir/.installed-lock-sha256"
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [[ ! -f "$npm_dir/node_modules/openwhisk/package.json" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    cp "$here/package.json" "$here/package-lock.json" "$npm_dir/"
    log="$npm_dir/npm-install.log"
    echo "compat: installing the openwhisk client into $npm_dir"
    # Bounded: an unreachable registry must end in a skip, not in ctest's timeout.
    timeout 240 npm ci --prefix "$npm_dir" --no-audit --no-fund --fetch-retries=1 \
        --fetch-timeout=30000 >"$log" 2>&1
    status=$?
    if [[ $status -ne 0 ]]; then
        tail -n 20 "$log"
        if [[ $status -eq 124 ]] || grep -Eq 'E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH|SOCKETTIMEOUT)|network|getaddrinfo|request to .* failed' "$log"; then
            echo "compat: SKIPPED: the npm registry cannot be reached, so the openwhisk client is not installed"
            exit $skip
        fi
        echo "compat: FAILED: npm ci failed (exit $status), see $log"
        exit 1
    fi
    echo "$want" >"$stamp"
fi

export OPENWHISK_CLIENT="$npm_dir/node_modules/openwhisk"
exec node "$here/compat.test.js" "$funcdeskd"
