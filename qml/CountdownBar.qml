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
    readonly property bool finished: countdown.phase === CountdownController.Finished
    /// When a follow-up is arranged, the button says so and opens it to change its time.
    property string followUpText: ""
    Material.background: finished ? Material.color(Material.BlueGrey, Material.Shade700)
                       : overrun ? Material.color(Material.Red, Material.Shade700)
                                  : warning ? Material.color(Material.Amber, Material.Shade700) : Material.color(Material.Teal, Material.Shade700)
    padding: 8
    // White on teal, red and grey; on amber, white is under 3:1, so dark text there.
    readonly property color textColor: warning ? "#212121" : "white"

    RowLayout {
        anchors.fill: parent
        spacing: 16
        Label {
            text: bar.countdown.displayText
            font.pixelSize: 36
            font.bold: true
            color: bar.textColor
            Accessible.name: bar.finished ? qsTr("Finished") : qsTr("Time left %1").arg(text)
        }
        Label {
            Layout.fillWidth: true
            color: bar.textColor
            wrapMode: Label.Wrap
            text: bar.countdown.phase === CountdownController.NotStarted
                  ? qsTr("Agreed time: %n minute(s). The clock starts when the opening points are done.", "", bar.countdown.agreedMinutes)
                : bar.finished && bar.countdown.minutesUsed < 1 ? qsTr("Finished in under a minute, every note signed.")
                : bar.finished ? qsTr("Finished: %n minute(s) used, every note signed.", "", bar.countdown.minutesUsed)
                : bar.overrun ? qsTr("Over the agreed time. Close now, or arrange a follow-up.")
                : bar.warning ? qsTr("Five minutes left: time to close.")
                : qsTr("Time left of %n minute(s), since %1", "", bar.countdown.agreedMinutes)
                      .arg(Qt.formatTime(bar.countdown.startedAt, "hh:mm"))
        }
        FieldButton {
            visible: bar.warning || bar.overrun || bar.followUpText !== ""
            text: bar.followUpText !== "" ? bar.followUpText : qsTr("Arrange a follow-up")
            objectName: "followUp"
            implicitHeight: 48
            Accessible.name: text
            onClicked: bar.followUpRequested()
        }
    }
}
