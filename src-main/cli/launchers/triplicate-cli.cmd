@echo off
rem The `triplicate` command line of an installed app (Windows): the app with --cli, no window.
rem Triplicate.exe is a GUI program, so its output reaches the console only when redirected:
rem this shim pipes it through (exit code kept by the final line).
setlocal
set "APP=%~dp0..\..\Triplicate.exe"
"%APP%" --cli %* 2>&1 | more
exit /b %ERRORLEVEL%
