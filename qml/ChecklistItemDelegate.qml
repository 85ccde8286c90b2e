import QtQuick
import QtQuick.Controls
import Fieldnotes
import QtQuick.Layouts

Frame {
    id: item
    required property int index
    required property string text
    required property string mark
    required property string reason
    signal tickRequested()
    signal skipRequested(string reason)
    signal undoRequested()
    property bool askingReason: false

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: item.mark === "ticked" ? "✓" : item.mark === "skipped" ? "–" : "○"
                font.pixelSize: 24
            }
            Label {
                text: item.text
                wrapMode: Label.Wrap
                Layout.fillWidth: true
                opacity: item.mark === "pending" ? 1 : 0.7
            }
            FieldButton {
                visible: item.mark === "pending"
                text: qsTr("Done")
                objectName: "done-" + item.index
                implicitHeight: 48
                Accessible.name: qsTr("Done: %1").arg(item.text)
                onClicked: item.tickRequested()
            }
            FieldButton {
                visible: item.mark === "pending"
                text: qsTr("Skip")
                objectName: "skip-" + item.index
                flat: true
                implicitHeight: 48
                Accessible.name: qsTr("Skip: %1").arg(item.text)
                onClicked: item.askingReason = true
            }
            FieldButton {
                visible: item.mark !== "pending"
                text: qsTr("Undo")
                flat: true
                implicitHeight: 48
                Accessible.name: qsTr("Undo: %1").arg(item.text)
                onClicked: item.undoRequested()
            }
        }
        Label {
            visible: item.mark === "skipped"
            text: qsTr("Skipped: %1").arg(item.reason)
            font.italic: true
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: item.askingReason && item.mark === "pending"
            Layout.fillWidth: true
            TextField {
                id: reasonField
                objectName: "reason-" + item.index
                placeholderText: qsTr("Why is this skipped?")
                Layout.fillWidth: true
                Accessible.name: qsTr("Reason for skipping")
            }
            FieldButton {
                text: qsTr("Skip with this reason")
                objectName: "skipWithReason-" + item.index
                enabled: reasonField.text.trim().length > 0
                implicitHeight: 48
                Accessible.name: text
                onClicked: { item.skipRequested(reasonField.text); item.askingReason = false }
            }
        }
    }
}
