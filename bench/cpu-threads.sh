#!/usr/bin/env bash
# CPU a request by thread group of a running server over one wrk run: each thread's user and system time from
# /proc before and after, digits in thread names folded (JettyServerThreadPool-12 counts as JettyServerThreadPool-N).
# Needs wrk. Usage: bench/cpu-threads.sh PID URL SECONDS [RATE]; with RATE the run is paced (bench/score-paced.lua).
set -uo pipefail
pid=$1; url=$2; secs=$3; rate=${4:-}
cd "$(dirname "$0")/.."
snap() {
  for t in /proc/"$pid"/task/*; do
    echo "$(sed 's/[0-9]\+/N/g' "$t/comm" 2>/dev/null)|$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done
}
before=$(snap)
if [ -n "$rate" ]; then
  out=$(RATE=$rate THREADS=2 wrk -t2 -c32 -d"${secs}s" --latency -s bench/score-paced.lua "$url")
else
  out=$(wrk -t2 -c32 -d"${secs}s" --latency -s bench/score.lua "$url")
fi
after=$(snap)
n=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
echo "$out" | grep -E "Requests/sec|^ +(50|99)%|^Sends late" | tr -s ' ' | tr '\n' ' '; echo
{ echo "$before" | sed 's/^/0|/'; echo "$after" | sed 's/^/1|/'; } | awk -F'|' -v n="$n" -v hz="$(getconf CLK_TCK)" '
  $3 != "" { if ($1 == 0) t[$2] -= $3; else t[$2] += $3 }
  END { for (k in t) if (t[k] > 0) { printf "%8.1f us a request  %s\n", t[k] / hz * 1e6 / n, k; s += t[k] }
        printf "%8.1f us a request  all threads\n", s / hz * 1e6 / n }' | sort -rn
