import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The single place where errors are shown, in words.
Pane {
    id: bar
    property alias text: message.text
    function open() { visible = true; hideTimer.restart() }

    visible: false
    Material.background: Material.color(Material.Red, Material.Shade800)
    Material.elevation: 6
    RowLayout {
        anchors.fill: parent
        Label {
            id: message
            color: "white"
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("OK")
            flat: true
            onClicked: bar.visible = false
            Accessible.name: qsTr("Dismiss the message")
        }
    }
    Timer { id: hideTimer; interval: 12000; onTriggered: bar.visible = false }
}
