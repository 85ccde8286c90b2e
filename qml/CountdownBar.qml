import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// Always-visible clock of an engagement; warns five minutes before the end and shows overrun.
Pane {
    id: bar
    required property CountdownController countdown
    signal followUpRequested()

    readonly property bool warning: countdown.phase === CountdownController.Warning
    readonly property bool overrun: countdown.phase === CountdownController.Overrun
    Material.background: overrun ? Material.color(Material.Red, Material.Shade700)
                                  : warning ? Material.color(Material.Amber, Material.Shade700) : Material.color(Material.Teal, Material.Shade700)
    padding: 8

    RowLayout {
        anchors.fill: parent
        spacing: 16
        Label {
            text: bar.countdown.displayText
            font.pixelSize: 36
            font.bold: true
            color: "white"
            Accessible.name: qsTr("Time left %1").arg(text)
        }
        Label {
            Layout.fillWidth: true
            color: "white"
            wrapMode: Label.Wrap
            text: bar.countdown.phase === CountdownController.NotStarted ? qsTr("Agreed time: %1 minutes. The clock starts with the notes.").arg(bar.countdown.agreedMinutes)
                : bar.overrun ? qsTr("Over the agreed time. Close now, or arrange a follow-up.")
                : bar.warning ? qsTr("Five minutes left: time to close.") : qsTr("Time left of %1 minutes").arg(bar.countdown.agreedMinutes)
        }
        FieldButton {
            visible: bar.warning || bar.overrun
            text: qsTr("Arrange a follow-up")
            objectName: "followUp"
            implicitHeight: 48
            Accessible.name: text
            onClicked: bar.followUpRequested()
        }
    }
}
