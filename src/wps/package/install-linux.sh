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
SYSTEM_LIST="$SYSTEM_DIR/jsplugins.xml"

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
  # A file with Windows line ends keeps them on the lines written here too.
  awk -v section="[$section]" -v key="$key" -v value="$value" '
    function flush() { if (inside && !done) { print key "=" value eol; done = 1 } }
    NR == 1 && /\r$/ { eol = "\r" }
    { line = $0; sub(/\r$/, "", line) }
    line ~ /^[[:space:]]*\[/ { flush(); inside = (line == section); if (inside) seen = 1; print; next }
    inside && line ~ "^[[:space:]]*" key "[[:space:]]*=" { if (!done) { print key "=" value eol; done = 1 }; next }
    { print }
    END { flush(); if (!seen) { print section eol; print key "=" value eol } }
  ' "$file" >"$tmp"
  cat "$tmp" >"$file"
  rm -f "$tmp"
}

# The value of key in [section] of an ini file; exit status 1 when the key is not there.
get_ini() {
  [ -f "$1" ] || return 1
  awk -v section="[$2]" -v key="$3" '
    { line = $0; sub(/\r$/, "", line) }
    line ~ /^[[:space:]]*\[/ { inside = (line == section); next }
    inside && line ~ "^[[:space:]]*" key "[[:space:]]*=" { sub(/^[^=]*=[[:space:]]*/, "", line); sub(/[[:space:]]+$/, "", line); print line; found = 1; exit }
    END { exit found ? 0 : 1 }
  ' "$1"
}

# Remove key from [section] of an ini file; every other line stays as it was.
del_ini() {
  [ -f "$1" ] || return 0
  tmp="$1.bangfu.$$"
  awk -v section="[$2]" -v key="$3" '
    { line = $0; sub(/\r$/, "", line) }
    line ~ /^[[:space:]]*\[/ { inside = (line == section) }
    inside && line ~ "^[[:space:]]*" key "[[:space:]]*=" { next }
    { print }
  ' "$1" >"$tmp"
  cat "$tmp" >"$1"
  rm -f "$tmp"
}

# Put key back as the backup had it (or remove it when the backup had none).
restore_ini() {
  file="$1"
  backup="$2"
  if value=$(get_ini "$backup" "$3" "$4"); then set_ini "$file" "$3" "$4" "$value"; else del_ini "$file" "$3" "$4"; fi
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

# Where an oem.ini's JSPluginsServer points: "" (not set), ours, a local list file, or a web address.
server_kind() {
  case "$1" in
    "" | "$SYSTEM_LIST" | "file://$SYSTEM_LIST") echo ours ;;
    http://* | https://* | ftp://*) echo web ;;
    *) echo local ;;
  esac
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
  entry="<jsplugin name=\"$NAME\" type=\"et\" url=\"file://$SYSTEM_DIR/$NAME.7z\" version=\"$VERSION\" enable=\"true\"/>"
  # WPS reads one JSPluginsServer only: a list another add-in set up is kept (ours is added to it), never
  # replaced. A list on a web server cannot be edited from here: stop before changing anything.
  if [ "$ACTION" = install ]; then
    for cfg in $cfgs; do
      server=$(get_ini "$cfg/oem.ini" Server JSPluginsServer || true)
      if [ "$(server_kind "$server")" = web ]; then
        echo "$cfg/oem.ini 的 JSPluginsServer 已指向网络上的加载项列表 $server（WPS 只读取一个列表），安装程序不能修改它，也没有做任何改动。请让管理员把下面这一行加入那个 jsplugins.xml，并把 $SYSTEM_DIR 复制到各台电脑；或改用不带 --system 的用户安装：" >&2
        echo "  $entry" >&2
        exit 1
      fi
    done
  fi
  dest="$ROOT$SYSTEM_DIR"
  rm -rf "$dest"
  if [ "$ACTION" = install ]; then
    mkdir -p "$dest"
    cp "$HERE/$NAME.7z" "$dest/"
    cp -R "$HERE/$FOLDER" "$dest/"
    write_list "$dest/jsplugins.xml" "$entry"
    chmod -R a+rX "$dest"
  fi
  for cfg in $cfgs; do
    mkdir -p "$cfg"
    ini="$cfg/oem.ini"
    backup="$cfg/oem.ini.bangfu-backup"
    server=$(get_ini "$ini" Server JSPluginsServer || true)
    kind=$(server_kind "$server")
    if [ "$ACTION" = install ]; then
      # The file as it was before BANGFU touched it (a reinstall keeps that first copy; an empty
      # backup stands for a file that was not there). The uninstall restores our keys from it.
      if [ ! -f "$backup" ]; then
        if [ -f "$ini" ]; then cp "$ini" "$backup"; else : >"$backup"; fi
      fi
      set_ini "$ini" Support JsApiPlugin true
      if [ "$kind" = local ]; then
        list="$ROOT${server#file://}"
        if [ -f "$list" ] && [ ! -f "$list.bangfu-backup" ]; then cp "$list" "$list.bangfu-backup"; fi
        mkdir -p "$(dirname "$list")"
        write_list "$list" "$entry"
        echo "$ini 已有加载项列表 $server：已把增收帮扶助手加入该列表（其中原有的加载项保留，原文件备份为 $(basename "$list").bangfu-backup），JSPluginsServer 不变"
      else
        set_ini "$ini" Server JSPluginsServer "$SYSTEM_LIST"
        echo "已配置 $ini（只设置 JsApiPlugin 和 JSPluginsServer，其余设置不变；原文件备份为 oem.ini.bangfu-backup）"
      fi
    else
      case "$kind" in
        ours)
          if [ -n "$server" ]; then
            # Our two keys go back to what the backup had; settings changed since by others stay.
            restore_ini "$ini" "$backup" Server JSPluginsServer
            restore_ini "$ini" "$backup" Support JsApiPlugin
            rm -f "$backup"
            echo "已恢复 $ini 中的 JsApiPlugin 和 JSPluginsServer"
          fi
          ;;
        local)
          list="$ROOT${server#file://}"
          if [ -f "$list" ]; then write_list "$list" ""; fi
          echo "已从加载项列表 $server 中去掉增收帮扶助手"
          ;;
      esac
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
