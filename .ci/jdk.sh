# Sourced by ./slacast and .ci/run: points JAVA_HOME at a JDK 25, or says clearly that there is none.
slacast_select_jdk() {
  local c v
  for c in "${SLACAST_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk \
           /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-25-openjdk /usr/lib/jvm/jdk-25*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    v="$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ "$v" = "25" ]; then export JAVA_HOME="$c"; export PATH="$c/bin:$PATH"; return 0; fi
  done
  echo "slacast: no JDK 25 found. Install one (e.g. Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64) or set SLACAST_JAVA_HOME to it." >&2
  return 1
}
