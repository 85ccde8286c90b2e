import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

Page {
    id: page
    background: PageBackground { page: page }
    required property VaultSession session
    title: qsTr("Search notes")

    SearchModel { id: results; objectName: "searchResults"; session: page.session }
    // Searches once the typing pauses: every keystroke's results would be gone before they were
    // read, and each costs a query and a redrawn list. Enter searches at once.
    TypingPause {
        id: settle
        interval: 200
        onPaused: results.query = queryField.text // busy from here until its results are in
    }
    EngagementListModel { id: programme; session: page.session }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        TextField {
            id: queryField
            objectName: "searchQuery"
            Layout.fillWidth: true
            placeholderText: qsTr("Search all notes")
            inputMethodHints: Qt.ImhNoPredictiveText
            implicitHeight: 56
            onTextChanged: settle.keystroke()
            onAccepted: settle.endNow()
            Accessible.name: qsTr("Search words")
            Component.onCompleted: forceActiveFocus()
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            ComboBox {
                id: priorityFilter
                model: [{ id: "", title: qsTr("All priorities") }, ...programme.priorities]
                textRole: "title"
                valueRole: "id"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: results.priorityId = currentValue
                Accessible.name: qsTr("Filter by priority")
            }
            ComboBox {
                id: engagementFilter
                model: [{ id: "", title: qsTr("All engagements") }, ...programme.engagementChoices]
                textRole: "title"
                valueRole: "id"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: results.engagementId = currentValue
                Accessible.name: qsTr("Filter by engagement")
            }
            ComboBox {
                id: kindFilter
                model: [
                    { kind: "", label: qsTr("All kinds") }, { kind: "statement", label: qsTr("Statement") },
                    { kind: "evidence", label: qsTr("Evidence") }, { kind: "good-practice", label: qsTr("Good practice") },
                    { kind: "area-for-development", label: qsTr("Area for development") }, { kind: "concern", label: qsTr("Concern") },
                    { kind: "observation", label: qsTr("Observation") }, { kind: "amendment", label: qsTr("Correction") }
                ]
                textRole: "label"
                valueRole: "kind"
                implicitContentWidthPolicy: ComboBox.WidestText
                onActivated: results.kind = currentValue
                Accessible.name: qsTr("Filter by kind")
            }
        }
        Label {
            objectName: "noMatches"
            visible: results.query.length > 0 && !results.busy && !settle.typing && results.count === 0
            text: qsTr("No notes match.")
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: results
            delegate: Frame {
                id: hit
                required property string snippet
                required property string kindLabel
                required property string noteState
                required property string engagementTitle
                width: ListView.view.width
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    Label {
                        text: hit.kindLabel + " · " + (hit.noteState === "signed" ? qsTr("signed") : qsTr("draft"))
                              + (hit.engagementTitle.length > 0 ? " · " + hit.engagementTitle : "")
                        opacity: 0.75
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                    }
                    Label { text: hit.snippet; textFormat: Text.StyledText; wrapMode: Label.Wrap; Layout.fillWidth: true }
                }
            }
        }
    }
}
