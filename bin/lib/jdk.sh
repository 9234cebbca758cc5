# Finds a JDK 25 or newer. Sourced (POSIX sh) by bin/isola, bin/test and .ci/run, so all three use the same JDK.
#
#   . bin/lib/jdk.sh
#   isola_find_jdk || exit 69      # sets ISOLA_JAVA_HOME, or explains on stderr why it cannot
#
# Order: $JAVA_HOME if it is new enough, then the usual install locations (Linux packages, Docker images,
# SDKMAN!, macOS), then `java` on PATH. The first JDK of version 25 or newer wins.

ISOLA_JAVA_MIN=25

# The major version of the java executable $1 ("25" for 'openjdk version "25.0.1"', "1" for Java 8), or nothing.
isola_java_major() {
  "$1" -version 2>&1 | sed -n 's/^[^"]*"\([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Succeeds if $1 is a JDK home whose java is version ISOLA_JAVA_MIN or newer.
isola_is_jdk() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
  _isola_v=$(isola_java_major "$1/bin/java")
  [ -n "$_isola_v" ] && [ "$_isola_v" -ge "$ISOLA_JAVA_MIN" ]
}

isola_find_jdk() {
  ISOLA_JAVA_HOME=
  if [ -n "${JAVA_HOME:-}" ]; then
    if isola_is_jdk "$JAVA_HOME"; then
      ISOLA_JAVA_HOME=$JAVA_HOME
      return 0
    fi
    echo "isola: JAVA_HOME=$JAVA_HOME is not a JDK $ISOLA_JAVA_MIN or newer; looking elsewhere" >&2
  fi
  for _isola_home in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm /usr/local/lib/jvm/* \
      "${HOME:-/nonexistent}"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if isola_is_jdk "$_isola_home"; then
      ISOLA_JAVA_HOME=$_isola_home
      return 0
    fi
  done
  if _isola_java=$(command -v java 2>/dev/null); then
    # Follow symbolic links (/usr/bin/java -> /etc/alternatives/java -> .../bin/java) to the JDK's home.
    while [ -L "$_isola_java" ]; do
      _isola_link=$(readlink "$_isola_java")
      case $_isola_link in
        /*) _isola_java=$_isola_link ;;
        *) _isola_java=$(dirname "$_isola_java")/$_isola_link ;;
      esac
    done
    _isola_home=$(cd "$(dirname "$_isola_java")/.." && pwd -P)
    if isola_is_jdk "$_isola_home"; then
      ISOLA_JAVA_HOME=$_isola_home
      return 0
    fi
  fi
  cat >&2 <<MSG
isola: no JDK $ISOLA_JAVA_MIN or newer found. Looked at \$JAVA_HOME, /usr/lib/jvm, /opt/java, /usr/local/lib/jvm,
~/.sdkman/candidates/java, /Library/Java/JavaVirtualMachines and java on PATH.
Install one (e.g. Eclipse Temurin 25: https://adoptium.net) and/or set JAVA_HOME to it.
MSG
  return 1
}
