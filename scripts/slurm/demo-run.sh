#!/usr/bin/env bash
# Runs deploy/slurm's templates for real on the local one-node SLURM (scripts/slurm/local-cluster.sh start):
# a main store with the demo slides, the extraction array (N shards, all at once) and the merge job chained
# with --dependency=afterok. Prints the job ids, every array task's state, the merge job's state and the
# merged store's counts (from 'tessera store verify'); exits 1 unless every job COMPLETED and verify is clean.
#   usage: scripts/slurm/demo-run.sh WORK_DIR [N] [BACKBONE]
#   env:   TESSERA_SHARED (default ../shared), TESSERA (default ./tessera), SLIDES (default: the two Aperio
#          slides and HER2ST C6 and B4 at 0.69 um/px), TIMEOUT seconds (default 900)
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mkdir -p "${1:?usage: demo-run.sh WORK_DIR [N] [BACKBONE]}" && cd "$1" && pwd)
n=${2:-2}
backbone=${3:-colour_baseline}
shared=${TESSERA_SHARED:-$home/../shared}
export TESSERA=${TESSERA:-$home/tessera}
export TESSERA_HEAP=${TESSERA_HEAP:-2g}
export TESSERA_MAIN=$work/main TESSERA_FRAGMENTS=$work/fragments TESSERA_BACKBONE=$backbone
export TESSERA_EXTRACT_ARGS=${TESSERA_EXTRACT_ARGS:---inference-threads 1 --readers 1}
rm -rf "$TESSERA_MAIN" "$TESSERA_FRAGMENTS"
cd "$work"

$TESSERA slides add --store "$TESSERA_MAIN" "$shared/slides/CMU-1-Small-Region.svs" >/dev/null
# The TCGA slide states no pixel size: 0.5 um/px assumed, as the demo does.
$TESSERA slides add --store "$TESSERA_MAIN" --mpp 0.5 --cohort TCGA "$shared/slides/TCGA-CR-7395-01A-01-TS1.svs" >/dev/null
$TESSERA slides add --store "$TESSERA_MAIN" --mpp 0.69 --cohort HER2ST "$shared/her2st/images/C6.jpg" "$shared/her2st/images/B4.jpg" >/dev/null
if [ "$backbone" != colour_baseline ]; then
  $TESSERA backbone add "$backbone" --store "$TESSERA_MAIN" --models "$shared/models" >/dev/null
fi

read -r array merge < <("$home/deploy/slurm/submit.sh" "$n" "$n" --chdir="$work")
echo "array job $array ($n tasks), merge job $merge (--dependency=afterok:$array)"

state() { scontrol show job "$1" -o 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' '; }
deadline=$(( $(date +%s) + ${TIMEOUT:-900} ))
while :; do
  s=$(state "$merge")
  case "$s" in *COMPLETED*|*FAILED*|*CANCELLED*|*TIMEOUT*|*OUT_OF_MEMORY*|*NODE_FAIL*) break ;; esac
  if [ -z "$s" ] || [ "$(date +%s)" -ge "$deadline" ]; then echo "merge job $merge: state '${s}' at the deadline" >&2; break; fi
  sleep 2
done

echo "array tasks:"
scontrol show job "$array" -o | sed -n 's/^JobId=\([0-9]*\) ArrayJobId=\([0-9]*\) ArrayTaskId=\([0-9]*\) .*JobState=\([A-Z_]*\).*ExitCode=\([0-9:]*\).*/  \2_\3 (job \1) \4 exit \5/p' | sort
echo "merge job: $merge $(state "$merge")"
echo "sacct --completion:"
sacct --completion -o JobID,JobName,State,Start,End 2>/dev/null | awk -v a="$array" 'NR <= 2 || $1 + 0 >= a' | sed 's/^/  /' || true
ok=yes
scontrol show job "$array" -o | grep -v 'JobState=COMPLETED' | grep -q . && ok=no
[ "$(state "$merge")" = "COMPLETED " ] || ok=no
echo "merge log ($work/tessera-merge-$merge.log):"
sed 's/^/  /' "$work/tessera-merge-$merge.log" 2>/dev/null || ok=no
[ "$ok" = yes ] || { echo "not every job COMPLETED; task logs: $work/tessera-extract-${array}_*.log" >&2; exit 1; }
