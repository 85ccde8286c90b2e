pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// Everything the team collected: safeguarding concerns first, then every note, newest first or
// by priority, engagement, source, kind or tablet, narrowed by those and by the verdict, or
// searched as the words are typed (best first, the words found in bold).
Item {
    id: pane
    required property VaultSession session
    required property DeskController desk
    readonly property alias awaitingFollowUp: concerns.awaitingFollowUp
    signal openNote(var note)

    DeskNotesModel { id: concerns; objectName: "deskConcerns"; session: pane.session; kind: "concern" }
    DeskNotesModel { id: notes; objectName: "deskNotes"; session: pane.session }
    // Searches once the typing pauses; Enter searches at once. Each query runs off the GUI thread.
    Timer { id: settle; interval: 200; onTriggered: notes.query = queryField.text }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        // Unmissable while one waits for a follow-up; once each has one, a line that opens to them.
        Frame {
            id: concernFrame
            readonly property bool expanded: concerns.awaitingFollowUp > 0 || showConcerns.checked
            visible: concerns.count > 0
            Layout.fillWidth: true
            Layout.preferredHeight: (expanded ? Math.min(concernList.contentHeight, pane.height / 3) + 8 : 0)
                                    + topPadding + bottomPadding + concernHeading.height
            background: Rectangle { color: "transparent"; border.color: "#c62828"; border.width: 3; radius: 6 }
            ColumnLayout {
                anchors.fill: parent
                spacing: 8
                RowLayout {
                    id: concernHeading
                    Layout.fillWidth: true
                    Label {
                        objectName: "concernHeading"
                        text: concerns.awaitingFollowUp > 0
                              ? qsTr("⚠ Safeguarding concerns: %1, %2 with no follow-up recorded").arg(concerns.count).arg(concerns.awaitingFollowUp)
                              : qsTr("Safeguarding concerns: %1, each followed up").arg(concerns.count)
                        color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800)
                        font.bold: true
                        font.pixelSize: 20
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        id: showConcerns
                        visible: concerns.awaitingFollowUp === 0
                        checkable: true
                        flat: true
                        text: checked ? qsTr("Hide") : qsTr("Show")
                        implicitHeight: 48
                        Accessible.name: checked ? qsTr("Hide the concerns") : qsTr("Show the concerns")
                    }
                }
                ListView {
                    id: concernList
                    visible: concernFrame.expanded
                    model: concerns
                    clip: true
                    spacing: 6
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    delegate: DeskNoteDelegate {
                        width: concernList.width
                        onClicked: pane.openNote(concerns.get(index))
                    }
                }
            }
        }

        TextField {
            id: queryField
            objectName: "deskQuery"
            Layout.fillWidth: true
            placeholderText: qsTr("Search everything the team collected")
            inputMethodHints: Qt.ImhNoPredictiveText
            implicitHeight: 56
            onTextChanged: settle.restart()
            onAccepted: { settle.stop(); notes.query = text }
            Accessible.name: qsTr("Search collected notes")
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            ComboBox {
                model: [{ id: "newest", label: qsTr("Newest first") }, { id: "priority", label: qsTr("By priority") },
                        { id: "engagement", label: qsTr("By engagement") }, { id: "source", label: qsTr("By source") },
                        { id: "kind", label: qsTr("By kind") }, { id: "tablet", label: qsTr("By tablet") }]
                textRole: "label"
                valueRole: "id"
                enabled: queryField.text.trim() === ""
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: notes.order = currentValue
                Accessible.name: qsTr("Order of the notes")
            }
            ComboBox {
                model: [{ id: "", title: qsTr("All priorities") }, ...pane.desk.priorities]
                textRole: "title"
                valueRole: "id"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: notes.priorityId = currentValue
                Accessible.name: qsTr("Filter by priority")
            }
            ComboBox {
                model: [{ id: "", label: qsTr("All sources") }, ...pane.desk.sources]
                textRole: "label"
                valueRole: "id"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: notes.sourceId = currentValue
                Accessible.name: qsTr("Filter by source")
            }
            ComboBox {
                model: [{ kind: "", label: qsTr("All kinds") }, { kind: "statement", label: qsTr("Statement") },
                        { kind: "evidence", label: qsTr("Evidence") }, { kind: "good-practice", label: qsTr("Good practice") },
                        { kind: "area-for-development", label: qsTr("Area for development") },
                        { kind: "concern", label: qsTr("Safeguarding concern") }, { kind: "observation", label: qsTr("Observation") },
                        { kind: "amendment", label: qsTr("Correction") }]
                textRole: "label"
                valueRole: "kind"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: notes.kind = currentValue
                Accessible.name: qsTr("Filter by kind")
            }
            ComboBox {
                model: [{ key: "", label: qsTr("All tablets") }, ...pane.desk.tablets]
                textRole: "label"
                valueRole: "key"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: notes.tablet = currentValue
                Accessible.name: qsTr("Filter by tablet")
            }
            ComboBox {
                model: [{ id: "", label: qsTr("Verified or not") }, { id: "verified", label: qsTr("Verified only") },
                        { id: "problem", label: qsTr("Problems only") }]
                textRole: "label"
                valueRole: "id"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: notes.verdict = currentValue
                Accessible.name: qsTr("Filter by verification")
            }
        }
        Label {
            objectName: "deskCount"
            text: notes.busy ? qsTr("Reading…")
                  : notes.query.trim() !== "" ? (notes.total >= 200 ? qsTr("The best 200 matches") : qsTr("Matching: %n note(s)", "", notes.total))
                  : qsTr("%n note(s)", "", notes.total)
            opacity: 0.75
        }
        ListView {
            id: noteList
            objectName: "deskNoteList"
            model: notes
            clip: true
            spacing: 6
            reuseItems: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            delegate: DeskNoteDelegate {
                width: noteList.width - 12
                onClicked: pane.openNote(notes.get(index))
            }
        }
    }
}
