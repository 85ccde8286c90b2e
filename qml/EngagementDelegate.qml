import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
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
    required property string progressState
    required property string stateLabel
    signal opened()
    signal editRequested()

    // The first engagement of a day carries the day's heading (ListView sections need an unbound
    // section delegate in Qt 6.4, which qmllint cannot check).
    readonly property bool startsDay: ListView.section !== ListView.previousSection
    topInset: startsDay ? dayHeading.implicitHeight : 0
    topPadding: topInset + 8
    implicitHeight: topInset + Math.max(72, contentItem.implicitHeight + 16)
    onClicked: opened()
    Accessible.name: qsTr("Open %1 at %2, %3").arg(title).arg(time).arg(stateLabel)

    Label {
        id: dayHeading
        visible: delegate.startsDay
        text: delegate.ListView.section
        font.pixelSize: 20
        font.bold: true
        topPadding: 12
        bottomPadding: 4
    }

    contentItem: RowLayout {
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
                objectName: "engagementState"
                text: delegate.stateLabel
                font.bold: delegate.progressState !== "not-started"
                color: delegate.progressState === "waiting" ? (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900))
                     : delegate.progressState === "done" ? Material.color(Material.Green, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                     : Material.foreground
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
