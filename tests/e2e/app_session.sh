# Sourced by the end-to-end runners. Runs the app on an X display of its own, with an
# accessibility bus, while one driver script works it over AT-SPI; returns the driver's status.
# usage: drive_app WIDTH HEIGHT APP LOG VAULT [--demo|""] DRIVER [DRIVER_ARG...]
drive_app() {
  dbus-run-session -- bash -c '
    set -euo pipefail
    width=$1 height=$2 app=$3 log=$4 vault=$5 demo=$6
    shift 6
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
    display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 "${width}x${height}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    export DISPLAY=$display
    QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "$app" --vault "$vault" ${demo:+"$demo"} >"$log" 2>&1 &
    app_pid=$!
    status=0
    /usr/bin/python3 "$@" || status=$?
    kill $app_pid $xvfb 2>/dev/null || true
    wait $app_pid 2>/dev/null || true
    exit $status
  ' drive_app "$@"
}
