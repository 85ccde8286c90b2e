pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// One priority's triangulation: sources across, findings down, how many verified notes from each
// source support each finding; a cell opens to its notes.
Item {
    id: pane
    required property VaultSession session
    required property DeskController desk
    required property string priorityId
    property var view: ({})

    function rebuild() { view = priorityId !== "" ? desk.triangulation(priorityId) : ({}) }
    onPriorityIdChanged: rebuild()
    Component.onCompleted: rebuild()
    Connections {
        target: pane.session
        function onDeskChanged() { pane.rebuild() }
        function onSyncChanged() { pane.rebuild() }
    }

    readonly property var sources: view.sources ?? []
    readonly property var rows: view.rows ?? []
    readonly property real findingColumn: Math.max(150, width * 0.22)
    readonly property real cellWidth: Math.max(72, (width - findingColumn - 12) / Math.max(1, sources.length))

    Dialog {
        id: cellDialog
        property string heading: ""
        property var notes: []
        title: heading
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(pane.width, 720)
        standardButtons: Dialog.Close
        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            Repeater {
                model: cellDialog.notes
                delegate: Label {
                    required property var modelData
                    text: qsTr("“%1” — %2, note %3").arg(modelData.words).arg(modelData.kindLabel).arg(modelData.shortHash)
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }

    Label {
        visible: pane.rows.length === 0
        anchors.centerIn: parent
        width: parent.width - 32
        horizontalAlignment: Label.AlignHCenter
        wrapMode: Label.Wrap
        text: qsTr("No findings for this priority yet: the grid fills as findings are linked to notes.")
        opacity: 0.75
    }

    Flickable {
        visible: pane.rows.length > 0
        anchors.fill: parent
        contentHeight: grid.height
        clip: true
        ScrollBar.vertical: ScrollBar {}
        Column {
            id: grid
            width: parent.width
            spacing: 2
            Row {
                Label {
                    width: pane.findingColumn
                    text: qsTr("Finding")
                    font.bold: true
                    padding: 6
                }
                Repeater {
                    model: pane.sources
                    // Too narrow for a source's name across: the names stand at an angle above their columns.
                    delegate: Item {
                        id: heading
                        required property var modelData
                        readonly property bool slanted: pane.cellWidth < 110
                        width: pane.cellWidth
                        height: slanted ? 200 : name.implicitHeight
                        Label {
                            id: name
                            text: heading.modelData.label
                            font.bold: true
                            font.pixelSize: 14
                            width: heading.slanted ? implicitWidth : heading.width
                            wrapMode: heading.slanted ? Label.NoWrap : Label.WordWrap
                            horizontalAlignment: heading.slanted ? Label.AlignLeft : Label.AlignHCenter
                            padding: 4
                            transformOrigin: Item.BottomLeft
                            rotation: heading.slanted ? -62 : 0
                            x: heading.slanted ? heading.width / 2 - 12 : 0
                            y: heading.height - height
                        }
                    }
                }
            }
            Repeater {
                model: pane.rows
                delegate: Row {
                    id: findingRow
                    required property var modelData
                    Label {
                        width: pane.findingColumn
                        padding: 6
                        wrapMode: Label.Wrap
                        text: qsTr("%1 %2").arg(findingRow.modelData.findingId).arg(findingRow.modelData.statement)
                              + (findingRow.modelData.substantiated ? "" : qsTr("\n⚠ Not yet substantiated"))
                        color: findingRow.modelData.substantiated ? Material.foreground : (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900))
                    }
                    Repeater {
                        model: findingRow.modelData.cells
                        delegate: FieldButton {
                            id: cell
                            required property var modelData
                            width: pane.cellWidth - 4
                            height: 56
                            flat: modelData.count === 0
                            highlighted: modelData.count > 0
                            enabled: modelData.count > 0
                            text: modelData.count > 0 ? String(modelData.count) : "·"
                            Accessible.name: qsTr("%1 from %2: %n note(s)", "", modelData.count).arg(findingRow.modelData.findingId)
                                             .arg(pane.sources.find(source => source.id === cell.modelData.sourceId)?.label ?? "")
                            onClicked: {
                                cellDialog.heading = qsTr("%1: notes from %2").arg(findingRow.modelData.findingId)
                                    .arg(pane.sources.find(source => source.id === cell.modelData.sourceId)?.label ?? "")
                                cellDialog.notes = pane.desk.notesIn(pane.priorityId, findingRow.modelData.findingId, cell.modelData.sourceId)
                                cellDialog.open()
                            }
                        }
                    }
                }
            }
        }
    }
}
