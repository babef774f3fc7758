#!/usr/bin/env bash
# A one-node SLURM on this machine, for running deploy/slurm's templates for real: munged, slurmctld and
# slurmd on localhost, from Debian's slurm-wlm and munge packages (installed when missing). Run as root.
#   scripts/slurm/local-cluster.sh start|stop|status
# The node advertises this machine's cores and two stand-in GPUs (/dev/null and /dev/zero as their device
# files), so the array template's --gres=gpu:1 is scheduled unchanged; tessera finds no CUDA and runs on the
# CPU (--device auto).
# Job completion records (for sacct --completion) go to $STATE/jobcomp.log; state under /var/lib/tessera-slurm.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/env.sh"
STATE=/var/lib/tessera-slurm
CONF=/etc/slurm/slurm.conf
MARK="# written by tessera scripts/slurm/local-cluster.sh"

write_config() {
  if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
    say "$CONF exists and was not written by this script; not touching it"; return 1
  fi
  local host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
  mkdir -p "$STATE/state" "$STATE/spool" /etc/slurm
  cat > "$CONF" <<CONF
$MARK
ClusterName=tessera-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobCompType=jobcomp/filetxt
JobCompLoc=$STATE/jobcomp.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MinJobAge=3600
GresTypes=gpu
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem Gres=gpu:2 State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  cat > /etc/slurm/gres.conf <<CONF
$MARK
NodeName=$host Name=gpu File=/dev/null
NodeName=$host Name=gpu File=/dev/zero
CONF
}

start() {
  [ "$(id -u)" -eq 0 ] || { say "run as root (it starts system daemons)"; exit 1; }
  ensure_packages slurm-wlm munge
  write_config
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge 2>/dev/null || true
  [ -s /etc/munge/munge.key ] || { /usr/sbin/mungekey --create --force 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; }
  chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
  pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged
  pgrep -x slurmctld >/dev/null || /usr/sbin/slurmctld
  pgrep -x slurmd >/dev/null || /usr/sbin/slurmd
  local i
  for i in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
      say "SLURM up: $(sinfo -h -o '%P %D %T %c cpus %G')"; return 0
    fi
    [ "$i" -eq 10 ] && scontrol update nodename="$(hostname -s)" state=resume 2>/dev/null || true
    sleep 1
  done
  say "SLURM did not come up; see $STATE/slurmctld.log and $STATE/slurmd.log"; sinfo || true; exit 1
}

stop() {
  local name pid
  for name in slurmd slurmctld; do
    pid=$(cat "$STATE/$name.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  say "slurmd and slurmctld stopped (munged left running)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) sinfo; squeue ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
