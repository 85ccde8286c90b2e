import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ItemDelegate {
    id: delegate
    required property string engagementId
    required property string title
    required property string kindLabel
    required property string priorityTitle
    required property string time
    required property int minutes
    required property string participants
    required property string introducer
    required property string noteTaker
    signal opened()
    signal editRequested()

    implicitHeight: Math.max(72, content.implicitHeight + 16)
    onClicked: opened()
    Accessible.name: qsTr("Open %1 at %2").arg(title).arg(time)

    contentItem: RowLayout {
        id: content
        spacing: 16
        Label { text: delegate.time; font.pixelSize: 22; font.bold: true; Layout.preferredWidth: 72 }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label { text: delegate.title; font.pixelSize: 20; elide: Label.ElideRight; Layout.fillWidth: true }
            Label {
                text: qsTr("%1 · %2 min · %3").arg(delegate.kindLabel).arg(delegate.minutes).arg(delegate.priorityTitle)
                opacity: 0.75
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: delegate.participants !== ""
                text: delegate.participants
                opacity: 0.75
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
        }
        Button {
            text: qsTr("Edit")
            flat: true
            implicitHeight: 48
            Accessible.name: qsTr("Edit %1").arg(delegate.title)
            onClicked: delegate.editRequested()
        }
    }
}
