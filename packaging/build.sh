#!/usr/bin/env bash
# Builds a self-contained app image and a .deb of Hidden Neurons with jlink + jpackage (JDK 17).
#
#   packaging/build.sh                 # fat jar, runtime, app image and .deb
#   packaging/build.sh --app-image     # stop after the app image (no .deb, no root needed)
#   MVN_ARGS=-o packaging/build.sh     # extra Maven arguments, e.g. offline
#   SKIP_MAVEN=1 packaging/build.sh    # reuse an existing target/hidden-neurons.jar
#
# Output in target/packaging/: runtime/ (jlink), app/hidden-neurons/ (app image),
# hidden-neurons_<version>_<arch>.deb. See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=hidden-neurons
TITLE="Hidden Neurons"
MAIN_CLASS=org.hiddenneurons.Launcher
JAR=target/$NAME.jar
OUT=target/packaging
ICON=packaging/$NAME.png
# The kernels use the Vector API (an incubator module in JDK 17) when it is present.
JAVA_OPTIONS=(--add-modules=jdk.incubator.vector)
# Modules that jdeps cannot see: the Vector API (opt-in), logging used by JavaFX,
# locale data for the Chinese UI (trimmed to en and zh below).
EXTRA_MODULES=java.logging,jdk.incubator.vector,jdk.localedata
LOCALES=en,zh
# JavaFX loads these at run time from the jar on the class path; jpackage does not see them.
DEB_DEPENDS="libgtk-3-0, libgl1, libxtst6, libfontconfig1, libfreetype6"

want_deb=1
case "${1:-}" in
  --app-image) want_deb=0 ;;
  "") ;;
  *) echo "usage: $0 [--app-image]" >&2; exit 2 ;;
esac

# --- tools --------------------------------------------------------------------------------
for tool in jlink jpackage jdeps; do
  command -v "$tool" >/dev/null || { echo "$tool not found: install a full JDK 17 (e.g. apt openjdk-17-jdk)" >&2; exit 1; }
done
if [ "$want_deb" = 1 ]; then
  # jpackage --type deb runs fakeroot and dpkg-deb; objdump (binutils) inspects the launcher.
  packages=(fakeroot dpkg-dev binutils)
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# --- the fat jar (JavaFX, ControlsFX, EJML, Jackson, picocli and the app) -----------------
if [ -z "${SKIP_MAVEN:-}" ]; then
  # shellcheck disable=SC2086
  mvn -B -ntp ${MVN_ARGS:-} package -DskipTests
fi
[ -f "$JAR" ] || { echo "$JAR missing: run mvn package" >&2; exit 1; }
pom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
# jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT -> 0.1.0
VERSION=${pom_version%%-*}

rm -rf "$OUT"
mkdir -p "$OUT/input"
cp "$JAR" "$OUT/input/"

# --- runtime: only the JDK modules the jar needs; JavaFX stays on the class path ----------
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$JAR")
modules=$(echo "$modules,$EXTRA_MODULES" | tr ',' '\n' | awk 'NF && !seen[$0]++' | paste -sd, -)
echo "runtime modules: $modules"
jlink --add-modules "$modules" --include-locales="$LOCALES" \
      --strip-debug --no-header-files --no-man-pages --strip-native-commands \
      --output "$OUT/runtime"

# --- app image ----------------------------------------------------------------------------
common=(--name "$NAME" --app-version "$VERSION"
        --vendor "Hidden Neurons"
        --description "See what the hidden neurons of a digit network do")
jpackage --type app-image "${common[@]}" \
         --input "$OUT/input" --main-jar "$NAME.jar" --main-class "$MAIN_CLASS" \
         --java-options "${JAVA_OPTIONS[*]}" \
         --runtime-image "$OUT/runtime" --icon "$ICON" \
         --dest "$OUT/app"
echo "app image: $OUT/app/$NAME ($(du -sh "$OUT/app/$NAME" | cut -f1))"
[ "$want_deb" = 1 ] || exit 0

# --- .deb ---------------------------------------------------------------------------------
# No --linux-shortcut: its postinst runs xdg-desktop-menu, which fails on machines without a
# menu directory. The menu entry and a /usr/bin link are added to the package below instead.
jpackage --type deb "${common[@]}" \
         --app-image "$OUT/app/$NAME" \
         --linux-package-name "$NAME" --linux-app-category education \
         --linux-package-deps "$DEB_DEPENDS" \
         --linux-deb-maintainer "hidden-neurons@localhost" \
         --dest "$OUT/deb"
deb=$(ls "$OUT"/deb/*.deb)

tree="$OUT/deb-tree"
rm -rf "$tree"
dpkg-deb -R "$deb" "$tree"
install_dir=/opt/$NAME
mkdir -p "$tree/usr/bin" "$tree/usr/share/applications" "$tree/usr/share/icons/hicolor/256x256/apps"
ln -s "$install_dir/bin/$NAME" "$tree/usr/bin/$NAME"
install -m 644 "$ICON" "$tree/usr/share/icons/hicolor/256x256/apps/$NAME.png"
cat > "$tree/usr/share/applications/$NAME.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=$TITLE
Name[zh_CN]=隐藏神经元
Comment=See what the hidden neurons of a digit network do
Comment[zh_CN]=看看数字识别网络的隐藏神经元在做什么
Exec=$install_dir/bin/$NAME %f
MimeType=application/json;text/csv;application/x-matlab-data;
Icon=$NAME
Terminal=false
Categories=Education;Science;
EOF
# jpackage appends --linux-package-deps to the libraries it found itself: drop the repeats.
depends=$(sed -n 's/^Depends: //p' "$tree/DEBIAN/control" | tr ',' '\n' | sed 's/^ *//; s/ *$//' \
          | awk 'NF && !seen[$0]++' | paste -sd, - | sed 's/,/, /g')
sed -i "s/^Depends: .*/Depends: $depends/" "$tree/DEBIAN/control"
# The control file's size and checksums must describe the files actually shipped.
size_kb=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size_kb/" "$tree/DEBIAN/control"
if [ -f "$tree/DEBIAN/md5sums" ]; then
  (cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$tree/DEBIAN/md5sums"
fi
final="$OUT/$(basename "$deb")"
fakeroot dpkg-deb --root-owner-group -Zxz -b "$tree" "$final" >/dev/null
rm -rf "$tree" "$OUT/deb"
echo "package: $final ($(du -h "$final" | cut -f1))"
