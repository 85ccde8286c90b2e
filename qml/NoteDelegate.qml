import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Fieldnotes
import QtQuick.Layouts

// One note with its state; a signed note can only be corrected by an amendment.
Frame {
    id: note
    required property string noteId
    required property string kindLabel
    required property string text
    required property string noteState
    required property string syncState
    required property string contentRemovedAt
    required property string signedAt
    required property string signedBy
    required property string amendsText
    required property string evidence
    required property var suspectedNames
    required property var correctedBy
    required property VaultSession session
    signal amendRequested(string noteId, string correction)
    signal editRequested(string noteId)
    signal deleteRequested(string noteId)
    property bool amending: false
    property bool confirmingDelete: false
    required property string kind
    layer.enabled: true
    // A concern stands out wherever notes are listed: a red edge and its word, not colour alone.
    background: Rectangle {
        color: "transparent"
        radius: 2
        border.color: note.kind === "concern" ? Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade700)
                                              : note.Material.frameColor
        border.width: note.kind === "concern" ? 3 : 1
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        RowLayout {
            Layout.fillWidth: true
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: note.kind === "concern" ? qsTr("⚠ %1").arg(note.kindLabel) : note.kindLabel
                    font.bold: true
                    color: note.kind === "concern" ? Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                                                   : Material.foreground
                }
                Label {
                    text: (note.noteState !== "signed" ? qsTr("Draft")
                           : note.signedBy !== "" ? qsTr("Signed %1 by %2").arg(note.signedAt).arg(note.signedBy)
                           : qsTr("Signed %1").arg(note.signedAt))
                          + (note.evidence === "given" ? qsTr(" · evidence given") : note.evidence === "asked" ? qsTr(" · evidence asked, none given")
                             : note.evidence === "not-asked" ? qsTr(" · evidence not asked") : "")
                          + (note.correctedBy.length > 0 ? qsTr(" · corrected") : "")
                          + (note.syncState === "queued" ? qsTr(" · waiting to send")
                             : note.syncState === "delivered" ? qsTr(" · delivered to the team leader's archive")
                             : note.syncState === "collected" ? qsTr(" · collected by the team leader") : "")
                    opacity: 0.75
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
            }
            FieldButton {
                visible: note.noteState !== "signed" && !note.confirmingDelete
                text: qsTr("Edit")
                flat: true
                implicitHeight: 48
                objectName: "editDraft"
                Accessible.name: qsTr("Edit this draft")
                onClicked: note.editRequested(note.noteId)
            }
            FieldButton {
                visible: note.noteState !== "signed" && !note.confirmingDelete
                text: qsTr("Delete")
                flat: true
                implicitHeight: 48
                objectName: "deleteDraft"
                Accessible.name: qsTr("Delete this draft")
                onClicked: note.confirmingDelete = true
            }
            FieldButton {
                visible: note.noteState === "signed" && note.contentRemovedAt === ""
                text: qsTr("Correct")
                flat: true
                implicitHeight: 48
                Accessible.name: qsTr("Write a correction to this note")
                onClicked: note.amending = true
            }
        }
        Label {
            visible: note.amendsText !== ""
            text: qsTr("Corrects: “%1”").arg(note.amendsText)
            font.italic: true
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: note.contentRemovedAt === "" ? note.text
                  : qsTr("The team leader holds this note. Its text was removed from this tablet on %1, as they asked.")
                    .arg(note.contentRemovedAt)
            font.italic: note.contentRemovedAt !== ""
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: note.confirmingDelete
            Layout.fillWidth: true
            Label { text: qsTr("Delete this draft? It is not signed, so nothing of it is kept."); wrapMode: Label.Wrap; Layout.fillWidth: true }
            FieldButton { text: qsTr("Keep"); flat: true; implicitHeight: 48; Accessible.name: qsTr("Keep the draft"); onClicked: note.confirmingDelete = false }
            FieldButton {
                text: qsTr("Delete")
                objectName: "confirmDeleteDraft"
                implicitHeight: 48
                Accessible.name: qsTr("Delete the draft")
                onClicked: { note.confirmingDelete = false; note.deleteRequested(note.noteId) }
            }
        }
        Repeater {
            model: note.correctedBy
            delegate: Label {
                required property string modelData
                text: qsTr("Corrected: “%1”").arg(modelData)
                font.italic: true
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
        }
        Label {
            visible: note.suspectedNames.length > 0
            text: qsTr("May name a person: %1").arg(note.suspectedNames.join(", "))
            color: Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900)
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        NameCheck {
            objectName: "correctionNameCheck"
            visible: note.amending && names.length > 0
            session: note.session
            text: correction.text
            Layout.fillWidth: true
        }
        RowLayout {
            visible: note.amending
            Layout.fillWidth: true
            TextField { id: correction; objectName: "correction"; placeholderText: qsTr("The correction"); Layout.fillWidth: true; Accessible.name: qsTr("Correction") }
            FieldButton {
                text: qsTr("Sign correction")
                enabled: correction.text.trim().length > 0
                implicitHeight: 48
                Accessible.name: text
                onClicked: { note.amendRequested(note.noteId, correction.text); note.amending = false }
            }
        }
    }
}
