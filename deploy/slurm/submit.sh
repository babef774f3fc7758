#!/usr/bin/env bash
# Submits the extraction array (N shards, K at a time) and the merge job that runs when every task of the
# array has completed successfully. Prints the two job ids ("ARRAY_ID MERGE_ID").
#   usage: TESSERA_MAIN=main TESSERA_FRAGMENTS=frags deploy/slurm/submit.sh N [K] [extra sbatch options]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
n=${1:?usage: submit.sh N [K] [sbatch options]}
k=${2:-$n}
shift $(( $# >= 2 ? 2 : 1 ))
array=$(sbatch --parsable --array="0-$((n - 1))%$k" "$@" "$here/extract-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" "$@" "$here/merge.sbatch")
echo "$array ${merge%%;*}"
