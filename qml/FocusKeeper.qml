import QtQuick

// Keeps the field being typed in on screen: scrolls its scroll view to it, and reports how much
// room an on-screen keyboard takes so the window can make space for it.
QtObject {
    id: keeper
    /// Any item in the window to look after.
    required property Item scope
    // Typed QObject in Qt 6.4's type information; its properties are found at run time.
    readonly property var inputMethod: Qt.inputMethod
    readonly property real keyboardHeight: inputMethod.visible ? inputMethod.keyboardRectangle.height / Screen.devicePixelRatio : 0

    function reveal() {
        const item = scope.Window.activeFocusItem
        if (!item)
            return
        let flickable = item.parent
        while (flickable && !(flickable instanceof Flickable))
            flickable = flickable.parent
        if (!flickable)
            return
        const top = item.mapToItem(flickable.contentItem, 0, 0).y
        const margin = 16
        if (top - margin < flickable.contentY)
            flickable.contentY = Math.max(0, top - margin)
        else if (top + item.height + margin > flickable.contentY + flickable.height)
            flickable.contentY = Math.min(flickable.contentHeight - flickable.height, top + item.height + margin - flickable.height)
    }

    property Connections focusWatcher: Connections {
        target: keeper.scope.Window.window
        function onActiveFocusItemChanged() { keeper.revealSoon.restart() }
    }
    // After the focus change or keyboard resize has been laid out.
    property Timer revealSoon: Timer { interval: 0; onTriggered: keeper.reveal() }
    onKeyboardHeightChanged: revealSoon.restart()
}
