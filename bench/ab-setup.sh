# Sourced by the A/B benchmarks: JDK 25, an older build (A, revision $1) in a worktree beside this tree's (B), and
# one generated desk with its registry that both serve. Sets work (the scratch folder); A's jar is
# $work/a/app/target/slacast.jar, B's app/target/slacast.jar; A serves $work/registry-a. With A_TRAIN set (train
# flags, e.g. A_TRAIN="--param random-forest.patience=0") A's registry is trained by this tree with those flags,
# to compare models rather than code (then pass HEAD as the revision).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."; . .ci/jdk.sh; slacast_select_jdk
work=$(mktemp -d)
git worktree add -q --detach "$work/a" "$1" || exit 1
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; git worktree remove --force "$work/a"' EXIT
(cd "$work/a" && ./mvnw -q -B -DskipTests package) >/dev/null || { echo "cannot build $1"; exit 1; }
./mvnw -q -B -DskipTests install >/dev/null || exit 1
./slacast generate --tickets 10000 --seed 42 --out "$work/data" --no-sla >/dev/null 2>&1
. bench/answers.sh; many_bodies "$work/data" "$work"
./slacast train --data "$work/data" --registry "$work/registry" --no-report >/dev/null 2>&1
if [ -n "${A_TRAIN:-}" ]; then
  # shellcheck disable=SC2086
  ./slacast train --data "$work/data" --registry "$work/registry-a" --no-report $A_TRAIN >/dev/null 2>&1 || exit 1
else
  ln -s "$work/registry" "$work/registry-a"
fi
