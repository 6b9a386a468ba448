@echo off
rem BANGFU WPS add-in @VERSION@: install for the current user (uninstall: install-windows.bat -Uninstall)
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1" %*
pause
