# 增收帮扶助手（BANGFU）WPS 表格加载项 @VERSION@：为当前 Windows 用户离线安装。
# 把加载项文件夹复制到 %APPDATA%\kingsoft\wps\jsaddons，并在其中的 publish.xml 里登记（保留其他加载项）。
# 卸载：install-windows.bat -Uninstall
# 兼容 Windows 7 自带的 PowerShell 2.0。
param([switch]$Uninstall)
$ErrorActionPreference = 'Stop'

$name = '@NAME@'
$version = '@VERSION@'
$folder = '@FOLDER@'
$here = Split-Path -Parent $MyInvocation.MyCommand.Definition
$target = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'

if (-not (Test-Path $target)) { New-Item -ItemType Directory -Path $target | Out-Null }
Get-ChildItem -Path $target | Where-Object { $_.PSIsContainer -and $_.Name -like "$($name)_*" } | Remove-Item -Recurse -Force
if (-not $Uninstall) { Copy-Item -Path (Join-Path $here $folder) -Destination $target -Recurse -Force }

$publish = Join-Path $target 'publish.xml'
$xml = New-Object System.Xml.XmlDocument
if (Test-Path $publish) { $xml.Load($publish) } else { $xml.LoadXml('<jsplugins></jsplugins>') }
$list = $xml.DocumentElement
foreach ($node in @($list.SelectNodes("*[@name='$name']"))) { [void]$list.RemoveChild($node) }
if (-not $Uninstall) {
  $entry = $xml.CreateElement('jsplugin')
  $entry.SetAttribute('name', $name)
  $entry.SetAttribute('type', 'et')
  $entry.SetAttribute('url', $folder)
  $entry.SetAttribute('version', $version)
  $entry.SetAttribute('enable', 'enable_dev')
  $entry.SetAttribute('install', 'null')
  $entry.SetAttribute('customDomain', '')
  [void]$list.AppendChild($entry)
}
$xml.Save($publish)

if ($Uninstall) {
  Write-Host '已为当前用户卸载增收帮扶助手。'
} else {
  Write-Host "已为当前用户安装增收帮扶助手 $($version)：$target\$folder"
}
Write-Host '请完全退出 WPS（包括任务栏右下角的 WPS 图标）后重新打开，在 WPS 表格中查看“增收帮扶”选项卡。'
