#!/bin/sh
# 增收帮扶助手（BANGFU）WPS 表格加载项 @VERSION@：离线安装（Linux，含麒麟、统信 UOS）
#
#   sh install-linux.sh              为当前用户安装（~/.local/share/Kingsoft/wps/jsaddons，publish.xml）
#   sh install-linux.sh --uninstall  为当前用户卸载
#   sudo sh install-linux.sh --system           为本机所有用户安装（/opt/bangfu-wps，jsplugins.xml + oem.ini）
#   sudo sh install-linux.sh --system --uninstall
#
# 安装后请完全退出 WPS（包括托盘中的 WPS 办公助手）再重新打开。
set -eu

NAME="@NAME@"
VERSION="@VERSION@"
FOLDER="@FOLDER@"
HERE=$(cd "$(dirname "$0")" && pwd)
# For tests only: a directory standing in for / (system mode) — never set in real use.
ROOT="${BANGFU_ROOT:-}"
SYSTEM_DIR="/opt/bangfu-wps"

MODE=user
ACTION=install
for arg in "$@"; do
  case "$arg" in
    --system) MODE=system ;;
    --uninstall) ACTION=uninstall ;;
    *) echo "用法：sh install-linux.sh [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done

# The entries of a jsplugins/publish list without ours, one per line (elements normalised to <…/>).
other_entries() {
  [ -f "$1" ] || return 0
  sed -e 's#>[[:space:]]*</jsplugin\(online\)\{0,1\}>#/>#g' "$1" |
    sed -e 's/>[[:space:]]*</>\
</g' |
    grep -E '^[[:space:]]*<jsplugin(online)?[[:space:]]' |
    grep -v "name=\"$NAME\"" || true
}

# Write a list file with the other entries kept and, when given, ours.
write_list() {
  file="$1"
  ours="$2"
  tmp="$file.bangfu.$$"
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<jsplugins>'
    other_entries "$file" | sed -e 's/^[[:space:]]*/  /'
    if [ -n "$ours" ]; then echo "  $ours"; fi
    echo '</jsplugins>'
  } >"$tmp"
  mv "$tmp" "$file"
}

# Set key=value in [section] of an ini file (added when missing).
set_ini() {
  file="$1"
  section="$2"
  key="$3"
  value="$4"
  tmp="$file.bangfu.$$"
  [ -f "$file" ] || : >"$file"
  awk -v section="[$section]" -v key="$key" -v value="$value" '
    function flush() { if (inside && !done) { print key "=" value; done = 1 } }
    { line = $0; sub(/\r$/, "", line) }
    line ~ /^[[:space:]]*\[/ { flush(); inside = (line == section); if (inside) seen = 1; print; next }
    inside && line ~ "^[[:space:]]*" key "[[:space:]]*=" { if (!done) { print key "=" value; done = 1 }; next }
    { print }
    END { flush(); if (!seen) { print section; print key "=" value } }
  ' "$file" >"$tmp"
  cat "$tmp" >"$file"
  rm -f "$tmp"
}

user_install() {
  target="${HOME}/.local/share/Kingsoft/wps/jsaddons"
  mkdir -p "$target"
  for old in "$target/${NAME}_"*; do
    if [ -e "$old" ]; then rm -rf "$old"; fi
  done
  if [ "$ACTION" = install ]; then
    cp -R "$HERE/$FOLDER" "$target/"
    write_list "$target/publish.xml" "<jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"
    echo "已为当前用户安装增收帮扶助手 $VERSION：$target/$FOLDER"
  else
    if [ -f "$target/publish.xml" ]; then write_list "$target/publish.xml" ""; fi
    echo "已为当前用户卸载增收帮扶助手。"
  fi
}

# WPS installations under /opt: the community build and the 信创 (professional) builds.
wps_cfgs() {
  for office in "$ROOT/opt/kingsoft/wps-office/office6" "$ROOT"/opt/apps/cn.wps.wps-office*/files/kingsoft/wps-office/office6; do
    if [ -d "$office" ]; then echo "$office/cfgs"; fi
  done
  return 0
}

system_install() {
  if [ -z "$ROOT" ] && [ "$(id -u)" != 0 ]; then
    echo "为所有用户安装需要管理员权限：请用 sudo sh install-linux.sh --system" >&2
    exit 1
  fi
  cfgs=$(wps_cfgs)
  if [ -z "$cfgs" ]; then
    echo "在 /opt 下没有找到 WPS（/opt/kingsoft/wps-office 或 /opt/apps/cn.wps.wps-office*）。请先安装 WPS，或改用不带 --system 的用户安装。" >&2
    exit 1
  fi
  dest="$ROOT$SYSTEM_DIR"
  rm -rf "$dest"
  if [ "$ACTION" = install ]; then
    mkdir -p "$dest"
    cp "$HERE/$NAME.7z" "$dest/"
    cp -R "$HERE/$FOLDER" "$dest/"
    write_list "$dest/jsplugins.xml" "<jsplugin name=\"$NAME\" type=\"et\" url=\"file://$SYSTEM_DIR/$NAME.7z\" version=\"$VERSION\" enable=\"true\"/>"
    chmod -R a+rX "$dest"
  fi
  for cfg in $cfgs; do
    mkdir -p "$cfg"
    if [ -f "$cfg/oem.ini" ] && [ ! -f "$cfg/oem.ini.bangfu-backup" ]; then cp "$cfg/oem.ini" "$cfg/oem.ini.bangfu-backup"; fi
    if [ "$ACTION" = install ]; then
      set_ini "$cfg/oem.ini" Support JsApiPlugin true
      set_ini "$cfg/oem.ini" Server JSPluginsServer "$SYSTEM_DIR/jsplugins.xml"
      echo "已配置 $cfg/oem.ini（原文件备份为 oem.ini.bangfu-backup）"
    elif [ -f "$cfg/oem.ini.bangfu-backup" ]; then
      mv "$cfg/oem.ini.bangfu-backup" "$cfg/oem.ini"
      echo "已恢复 $cfg/oem.ini"
    fi
  done
  if [ "$ACTION" = install ]; then
    echo "已为本机所有用户安装增收帮扶助手 $VERSION：$SYSTEM_DIR"
  else
    echo "已为本机所有用户卸载增收帮扶助手。"
  fi
}

if [ "$MODE" = system ]; then system_install; else user_install; fi
echo "请完全退出 WPS 后重新打开，在 WPS 表格中查看“增收帮扶”选项卡。"
