pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Fieldnotes

// The end of the review in the methodology's order: a no-surprises preview for the Trust's Chair,
// the draft put out for consultation, the responses to it per finding, the final report; then
// the files that leave the vault: issued versions with their signatures, the evidence bundle
// (checked again once written) and the exports for analysis tools.
Item {
    id: pane
    required property VaultSession session

    ReportController { id: report; objectName: "reportController"; session: pane.session }

    function stageIssued(stage: string): bool {
        for (const version of report.versions)
            if (version.stage === stage)
                return true
        return false
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Where the files go")
        currentFolder: report.outputFolderUrl()
        onAccepted: report.outputFolder = report.localPath(selectedFolder)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        // What the last task did stays in sight above the page, whatever part of it is scrolled to,
        // and never covers the controls at its foot.
        Frame {
            visible: report.status !== ""
            Layout.fillWidth: true
            RowLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                BusyIndicator { visible: report.busy; running: report.busy; implicitWidth: 40; implicitHeight: 40 }
                Label {
                    objectName: "reportStatus"
                    text: report.status
                    wrapMode: Label.WrapAtWordBoundaryOrAnywhere
                    font.bold: report.lastTaskFailed
                    color: report.lastTaskFailed ? (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300)
                                                                                    : Material.color(Material.DeepOrange, Material.Shade900))
                                                 : Material.foreground
                    Layout.fillWidth: true
                    Accessible.name: text
                }
            }
        }

        ScrollView {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            // Nothing scrolls sideways; the bar's strip would otherwise take clicks meant for
            // the last row of buttons.
            ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

            ColumnLayout {
                width: scroller.availableWidth - 12
                spacing: 8

                Label { text: qsTr("The report"); font.pixelSize: 22; font.bold: true }
                Label {
                    text: qsTr("Issue it in the methodology's order: a no-surprises preview for the Trust's Chair, the draft for consultation, then the final report. "
                               + "Each version is frozen as issued and signed with the review key; a final report takes only substantiated findings.")
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    FieldButton {
                        text: qsTr("Issue the no-surprises preview")
                        enabled: !report.busy
                        highlighted: !pane.stageIssued("preview")
                        implicitHeight: 48
                        Accessible.name: text
                        onClicked: report.issue("preview")
                    }
                    FieldButton {
                        text: qsTr("Issue the draft for consultation")
                        enabled: !report.busy
                        highlighted: pane.stageIssued("preview") && !pane.stageIssued("consultation")
                        implicitHeight: 48
                        Accessible.name: text
                        onClicked: report.issue("consultation")
                    }
                    FieldButton {
                        text: qsTr("Issue the final report")
                        enabled: !report.busy
                        highlighted: pane.stageIssued("consultation") && !pane.stageIssued("final")
                        implicitHeight: 48
                        Accessible.name: text
                        onClicked: report.issue("final")
                    }
                }

                Label {
                    visible: report.versions.length === 0
                    text: qsTr("No version has been issued yet.")
                    opacity: 0.75
                }
                Repeater {
                    model: report.versions
                    delegate: RowLayout {
                        id: version
                        required property var modelData
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("%1 — issued %2 by %3").arg(version.modelData.label).arg(version.modelData.issuedAt).arg(version.modelData.issuedBy)
                            wrapMode: Label.Wrap
                            Layout.fillWidth: true
                            Accessible.name: text
                        }
                        Button {
                            text: qsTr("Save to the folder")
                            flat: true
                            enabled: !report.busy
                            implicitHeight: 48
                            Accessible.name: qsTr("Save version %1 to the folder").arg(version.modelData.version)
                            onClicked: report.exportVersion(version.modelData.version)
                        }
                    }
                }

                Label {
                    text: qsTr("Consultation")
                    font.pixelSize: 22
                    font.bold: true
                    Layout.topMargin: 12
                }
                Label {
                    visible: report.consultationFindings.length === 0
                    text: qsTr("Responses are recorded once a draft for consultation has been issued, against its findings.")
                    opacity: 0.75
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
                ColumnLayout {
                    visible: report.consultationFindings.length > 0
                    Layout.fillWidth: true
                    spacing: 8
                    ComboBox {
                        id: findingChoice
                        model: report.consultationFindings
                        textRole: "statement"
                        valueRole: "id"
                        displayText: currentIndex < 0 ? "" : qsTr("%1: %2").arg(currentValue).arg(currentText)
                        implicitHeight: 48
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Finding responded to")
                        delegate: ItemDelegate {
                            required property var modelData
                            required property int index
                            width: findingChoice.width
                            text: qsTr("%1: %2").arg(modelData.id).arg(modelData.statement)
                            highlighted: findingChoice.highlightedIndex === index
                        }
                    }
                    TextField {
                        id: responderRole
                        placeholderText: qsTr("Who responded, by role (e.g. head of service)")
                        implicitHeight: 48
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Responder's role")
                    }
                    TextArea {
                        id: said
                        placeholderText: qsTr("What they said")
                        wrapMode: TextArea.Wrap
                        Layout.fillWidth: true
                        Layout.minimumHeight: 72
                        Accessible.name: qsTr("What they said")
                    }
                    Label {
                        // The non-attribution guard, as beside every note: a role, never a name.
                        readonly property var names: pane.session.suspectedNames(responderRole.text + " " + said.text + " " + reason.text)
                        visible: names.length > 0
                        text: qsTr("This may name a person: %1. Responses are non-attributable: refer to a role instead.").arg(names.join(", "))
                        color: Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900)
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                        Accessible.name: text
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 8
                        RadioButton { id: accepted; text: qsTr("Accepted"); checked: true; Accessible.name: qsTr("Accepted") }
                        RadioButton { id: changed; text: qsTr("Finding changed"); Accessible.name: qsTr("Finding changed") }
                        RadioButton { text: qsTr("Not accepted"); Accessible.name: qsTr("Not accepted") }
                    }
                    TextField {
                        id: reason
                        visible: !accepted.checked
                        placeholderText: changed.checked ? qsTr("What was changed, and why") : qsTr("Why it was not accepted")
                        implicitHeight: 48
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Reason")
                    }
                    Button {
                        text: qsTr("Record the response")
                        enabled: findingChoice.currentIndex >= 0 && responderRole.text.trim() !== "" && said.text.trim() !== ""
                                 && (accepted.checked || reason.text.trim() !== "")
                        implicitHeight: 48
                        Accessible.name: text
                        onClicked: {
                            if (report.recordResponse(findingChoice.currentValue, responderRole.text, said.text,
                                                      accepted.checked ? "accepted" : changed.checked ? "changed" : "not-accepted",
                                                      accepted.checked ? "" : reason.text)) {
                                responderRole.clear()
                                said.clear()
                                reason.clear()
                                accepted.checked = true
                            }
                        }
                    }
                }
                Repeater {
                    model: report.responses
                    delegate: Label {
                        required property var modelData
                        text: modelData.reason === ""
                              ? qsTr("%1, from %2: “%3” — %4").arg(modelData.findingId).arg(modelData.role).arg(modelData.said).arg(modelData.decisionLabel)
                              : qsTr("%1, from %2: “%3” — %4: %5").arg(modelData.findingId).arg(modelData.role).arg(modelData.said)
                                    .arg(modelData.decisionLabel).arg(modelData.reason)
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                        Accessible.name: text
                    }
                }

                Label {
                    text: qsTr("Files")
                    font.pixelSize: 22
                    font.bold: true
                    Layout.topMargin: 12
                }
                Label {
                    text: qsTr("What is saved here leaves the vault unencrypted: the bundle and the REFI-QDA project hold the notes' text. "
                               + "Keep them on an encrypted disk and hand them over as the review's data agreement says.")
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: folderField
                        text: report.outputFolder
                        implicitHeight: 48
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Folder for the files")
                        onTextEdited: report.outputFolder = text.trim()
                    }
                    Button {
                        text: qsTr("Choose…")
                        implicitHeight: 48
                        Accessible.name: qsTr("Choose the folder")
                        onClicked: folderDialog.open()
                    }
                }
                Label {
                    text: qsTr("Once a bundle holds the notes, the sealed copies on the archive can go. The bundle records the choice, signed; "
                               + "the archive removes only envelopes you collected, and only after the time you set.")
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
                ComboBox {
                    id: archiveRetention
                    model: report.archiveRetentionChoices
                    textRole: "text"
                    valueRole: "value"
                    currentIndex: count > 0 ? indexOfValue(report.archiveRetentionDays) : -1 // again once the choices arrive
                    implicitHeight: 48
                    Layout.fillWidth: true
                    Layout.maximumWidth: 560
                    Accessible.name: qsTr("How long the archive keeps the envelopes after the bundle")
                    onActivated: {
                        report.setArchiveRetentionDays(currentValue)
                        currentIndex = indexOfValue(report.archiveRetentionDays) // what is saved, whatever happened
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    FieldButton {
                        text: qsTr("Make the evidence bundle")
                        enabled: !report.busy
                        highlighted: pane.stageIssued("final")
                        implicitHeight: 48
                        Accessible.name: text
                        onClicked: report.makeBundle()
                    }
                    Button {
                        text: qsTr("Export for analysis (CSV, REFI-QDA)")
                        enabled: !report.busy
                        implicitHeight: 48
                        Accessible.name: text
                        onClicked: report.exportForAnalysis()
                    }
                }
            }
        }
    }
}
