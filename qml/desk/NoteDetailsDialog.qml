pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// One collected note in full: who wrote it and when, whether it verified, where the desk places
// it (and the leader's correction of that), and linking it, or words of it, to a finding. A
// concern shows every follow-up and records the next.
Dialog {
    id: dialog
    required property VaultSession session
    required property DeskController desk
    property var note: ({})
    readonly property bool concern: note.kind === "concern"
    property var followUps: []

    function show(values) {
        note = values
        followUps = concern ? desk.followUpsOf(values.hash) : []
        linked.text = ""
        findingChoice.currentIndex = findings.count > 0 ? 0 : -1
        open()
    }

    title: note.kindLabel ?? ""
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 32 : 800, 820)
    height: parent ? parent.height - 48 : 700
    standardButtons: Dialog.Close

    FindingsModel {
        id: findings
        session: dialog.session
        priorityId: dialog.note.priorityId ?? ""
        onCountChanged: if (findingChoice.currentIndex < 0 && count > 0) findingChoice.currentIndex = 0
    }
    FollowUpDialog {
        id: followUpDialog
        desk: dialog.desk
        noteHash: dialog.note.hash ?? ""
        onRecorded: dialog.followUps = dialog.desk.followUpsOf(dialog.note.hash)
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        ColumnLayout {
            width: scroller.availableWidth
            spacing: 8
            Label {
                text: qsTr("%1 · signed %2").arg(dialog.note.author ?? "").arg(dialog.note.signedAt ?? "")
                font.bold: true
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: dialog.note.verified ? qsTr("✓ Verified: signature, content and the tablet's chain check out")
                                           : qsTr("⚠ %1").arg(dialog.note.verdict ?? "")
                color: dialog.note.verified ? Material.color(Material.Green, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800) : Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800)
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: [dialog.note.priorityTitle ?? "", dialog.note.engagementTitle ?? ""].filter(part => part !== "").join(" · ")
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: (dialog.note.evidence ?? "") !== ""
                text: dialog.note.evidence ?? ""
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: (dialog.note.amends ?? "") !== ""
                text: qsTr("A correction of note %1").arg(dialog.note.amends ?? "")
                font.italic: true
                Layout.fillWidth: true
            }
            Label {
                visible: (dialog.note.corrections ?? "") !== ""
                text: dialog.note.corrections ?? ""
                font.italic: true
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            TextArea {
                id: signedText
                objectName: "signedText"
                text: dialog.note.plainText ?? ""
                readOnly: true
                selectByMouse: true
                persistentSelection: true // pressing a button must not drop the words chosen
                wrapMode: TextArea.Wrap
                font.pixelSize: 20
                Layout.fillWidth: true
                Accessible.name: qsTr("The note's signed text")
            }
            Label {
                text: qsTr("Note %1").arg(dialog.note.hash ?? "")
                font.family: "monospace"
                font.pixelSize: 13
                opacity: 0.75
                wrapMode: Label.WrapAnywhere
                Layout.fillWidth: true
            }

            Label { text: qsTr("Where its engagement's notes come from"); font.bold: true; topPadding: 8 }
            ComboBox {
                id: sourceChoice
                model: dialog.desk.sources
                textRole: "label"
                valueRole: "id"
                currentIndex: indexOfValue(dialog.note.source ?? "")
                implicitContentWidthPolicy: ComboBox.WidestText
                Accessible.name: qsTr("Source of this engagement's notes")
                onActivated: dialog.desk.correctSource(dialog.note.engagementId, currentValue)
            }

            Label { text: qsTr("Link to a finding"); font.bold: true; topPadding: 8 }
            Label {
                visible: findings.count === 0
                text: qsTr("This priority has no findings yet: add one under Findings.")
                opacity: 0.75
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            ComboBox {
                id: findingChoice
                visible: findings.count > 0
                model: findings
                textRole: "statement"
                valueRole: "findingId"
                displayText: currentIndex >= 0 ? qsTr("%1 · %2").arg(currentValue).arg(currentText) : qsTr("Choose a finding")
                Layout.fillWidth: true
                Accessible.name: qsTr("Finding to link to")
            }
            Flow {
                visible: findings.count > 0
                Layout.fillWidth: true
                spacing: 8
                Button {
                    text: qsTr("Link the whole note")
                    enabled: findingChoice.currentIndex >= 0
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: if (dialog.desk.link(findingChoice.currentValue, dialog.note.hash, 0, -1))
                                   linked.text = qsTr("Linked to %1.").arg(findingChoice.currentValue)
                }
                Button {
                    text: qsTr("Link the selected words")
                    enabled: findingChoice.currentIndex >= 0 && signedText.selectedText !== ""
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: {
                        const start = DeskController.codePointIndex(signedText.text, signedText.selectionStart)
                        const end = DeskController.codePointIndex(signedText.text, signedText.selectionEnd)
                        if (dialog.desk.link(findingChoice.currentValue, dialog.note.hash, start, end))
                            linked.text = qsTr("Linked “%1” to %2.").arg(signedText.selectedText).arg(findingChoice.currentValue)
                    }
                }
            }
            Label { id: linked; objectName: "linkedMessage"; visible: text !== ""; color: Material.color(Material.Green, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800); wrapMode: Label.Wrap; Layout.fillWidth: true }

            Label { visible: dialog.concern; text: qsTr("What was done about it"); font.bold: true; topPadding: 8 }
            Label {
                visible: dialog.concern && dialog.followUps.length === 0
                text: qsTr("Nothing recorded yet. Record what you did before anyone acts on it.")
                color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800)
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: dialog.followUps
                delegate: Label {
                    required property var modelData
                    text: qsTr("Seen %1 by %2").arg(modelData.seenAt).arg(modelData.by)
                          + (modelData.raisedWith !== "" ? qsTr("; raised with %1").arg(modelData.raisedWith) : "")
                          + (modelData.decision !== "" ? qsTr("; decision: %1").arg(modelData.decision) : "")
                          + qsTr(" (signed record %1)").arg(modelData.hash)
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
            }
            FieldButton {
                visible: dialog.concern
                text: qsTr("Record what was done")
                highlighted: true
                implicitHeight: 48
                Accessible.name: text
                onClicked: followUpDialog.open()
            }
        }
    }
}
