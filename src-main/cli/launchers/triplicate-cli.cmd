@echo off
rem The `triplicate` command line of an installed app (Windows): the app with --cli, no window.
rem Triplicate.exe is a GUI program: a console shows its output only through a pipe, and a pipe
rem loses its exit code. So the output streams through findstr (which, unlike more, never pages)
rem and the app writes its exit code to a temp file this shim reads back.
setlocal
set "APP=%~dp0..\..\Triplicate.exe"
if not exist "%APP%" (
  echo triplicate-cli: the Triplicate app was not found next to %~dp0 1>&2
  exit /b 1
)
set "TRIPLICATE_CLI_EXIT_FILE=%TEMP%\triplicate-cli-%RANDOM%%RANDOM%.exit"
"%APP%" --cli %* 2>&1 | findstr "^"
set "CODE=1"
if exist "%TRIPLICATE_CLI_EXIT_FILE%" (
  set /p CODE=<"%TRIPLICATE_CLI_EXIT_FILE%"
  del "%TRIPLICATE_CLI_EXIT_FILE%" >nul 2>&1
)
exit /b %CODE%
