import QtQuick

// A pause in the typing: `typing` holds from a keystroke until `interval` ms pass without another.
// Bind to `typing`, never to `running`: restart() stops the timer for an instant, and a binding on
// `running` would see the typing pause and resume within every keystroke (each change relays out
// what depends on it).
Timer {
    property bool typing: false
    signal paused()

    function keystroke() {
        typing = true
        restart()
    }
    // Enter, say: the pause comes now.
    function endNow() {
        stop()
        ended()
    }
    function ended() {
        paused() // before `typing` falls: what it starts is under way by then
        typing = false
    }
    onTriggered: ended()
}
