# Sourced by the HTTP benchmarks (run from the repository's root).
#
# many_bodies DATA DIR: with BODIES=N (a number; 1024 when BODIES is unset), writes N request bodies from the desk
# DATA into DIR (bench/many-bodies.py) and points BODIES at them, so that bench/score.lua sends those tickets in
# turn; a BODIES that names a file is left as it is, and an empty BODIES (BODIES= bench/http.sh) sends score.lua's
# one ticket. Many tickets are the default because one ticket scored again and again walks the same path through
# the trees and reads the same desk history: it understated a real score's CPU by about half (docs/BENCHMARKS.md).
many_bodies() {
  : "${BODIES=1024}"
  if [[ "${BODIES:-}" =~ ^[0-9]+$ ]]; then
    bench/many-bodies.py "$1" "$BODIES" >"$2/bodies.jsonl" || exit 1
    export BODIES="$2/bodies.jsonl"
  fi
}

# record_answers URL OUT: the server's answer to each body the runs will send, one JSON a line, for the same-I/O
# endpoint (SameIoEndpoint) to replay, each request its own ticket's answer.
record_answers() {
  if [ -n "${BODIES:-}" ]; then
    while IFS= read -r b; do
      curl -s -H 'Content-Type: application/json' -d "$b" "$1"; echo
    done <"$BODIES" >"$2"
  else
    curl -s -H 'Content-Type: application/json' -d "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" bench/score.lua)" "$1" >"$2"
    echo >>"$2"
  fi
}
