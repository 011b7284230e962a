#!/bin/sh
# Assembles the container image's base layer without any registry: a JRE cut by jlink from the
# JDK that runs the build, the shared libraries it links against copied from this host (what a
# distroless base holds), a non-root user, /work and /tmp. Jib adds it as an extra directory on
# top of the empty "scratch" base. Usage: assemble-runtime.sh JAVA_HOME OUTPUT_DIR MODULES
set -eu

java_home=$1
root=$2
modules=$3
jre=$root/opt/java/openjdk

if [ ! -d "$java_home/jmods" ]; then
  echo "assemble-runtime: $java_home has no jmods directory; jlink needs a full JDK" \
    "(Debian/Ubuntu: openjdk-17-jdk-headless), or build with -Dimage.base=<a JRE image>" >&2
  exit 1
fi

rm -rf "$root"
mkdir -p "$root/opt/java" "$root/etc" "$root/work" "$root/tmp"

# No --compress: the layer is gzipped anyway, and compressing the modules image twice costs build
# time for nothing. No --strip-debug: without it jlink takes half the time, and the JDK's frames
# in converge.log's stack traces keep their line numbers; it costs 9 MB.
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --no-header-files --no-man-pages --output "$jre"

# Some distributions keep the trust store and security lists outside the JDK (symlinks into
# /etc); the image gets the files themselves.
for file in cacerts blocked.certs public_suffix_list.dat; do
  if [ -e "$java_home/lib/security/$file" ]; then
    cp -L "$java_home/lib/security/$file" "$jre/lib/security/$file"
  fi
done
if [ ! -s "$jre/lib/security/cacerts" ]; then
  echo "assemble-runtime: no trust store (lib/security/cacerts) in $java_home" >&2
  exit 1
fi

# The JRE's ELF files and every library they need from outside the JRE, at the path the host's
# loader found it (the loader itself at its absolute interpreter path).
find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) |
  while read -r elf; do
    ldd "$elf" 2>/dev/null || true
  done |
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' |
  grep -v "^$jre/" | sort -u |
  while read -r library; do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
  done
libc=$(find "$root" -path "$jre" -prune -o -name 'libc.so*' -print | head -n 1)
if [ -z "$libc" ]; then
  echo "assemble-runtime: ldd found no C library for $jre/bin/java" >&2
  exit 1
fi
# Name lookups (user, host) load these at run time; a glibc before 2.34 keeps them apart from libc.
host_libc_dir=${libc#"$root"}
host_libc_dir=${host_libc_dir%/*}
for library in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
  if [ -e "$host_libc_dir/$library" ] && [ ! -e "$root$host_libc_dir/$library" ]; then
    cp -L "$host_libc_dir/$library" "$root$host_libc_dir/$library"
  fi
done

# The JVM asks for the user's name and home; converge runs as this user (uid 65532, as in the
# distroless images), home /work.
cat > "$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/work:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<GROUP
root:x:0:
nonroot:x:65532:
GROUP
