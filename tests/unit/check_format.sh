#!/usr/bin/env bash
# Fails, naming file and line, when a C++ source or header differs from what clang-format makes of
# it with the repository's .clang-format. The `format-check` ctest runs it on the source tree.
#   check_format.sh CLANG_FORMAT DIR
# When DIR is the top of a git checkout, its files are the ones git tracks (*.cpp, *.h); otherwise
# every *.cpp and *.h below DIR except build folders.
set -euo pipefail
clang_format=$1
dir=$2
cd "$dir"
files=()
if [[ "$(git rev-parse --show-toplevel 2>/dev/null)" == "$(pwd -P)" ]]; then
    while IFS= read -r -d '' file; do
        [[ -f "$file" ]] && files+=("$file")
    done < <(git ls-files -z -- '*.cpp' '*.h')
else
    while IFS= read -r -d '' file; do files+=("$file"); done \
        < <(find . \( -name 'build*' -o -name .git -o -name node_modules \) -prune -o \
                   -type f \( -name '*.cpp' -o -name '*.h' \) -print0)
fi
if [[ ${#files[@]} -eq 0 ]]; then
    echo "check_format: no C++ files found in $dir" >&2
    exit 2
fi
if ! "$clang_format" --dry-run --Werror "${files[@]}"; then
    echo "check_format: the files above are not formatted; run: $clang_format -i FILE..." >&2
    exit 1
fi
echo "check_format: ${#files[@]} files formatted as .clang-format says ($("$clang_format" --version))"
