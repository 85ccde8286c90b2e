pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// Review and sign: each draft with its kind, its evidence answer and any name the guard sees,
// ticked to be signed (all that can be, to begin with), or opened in the editor to fix it.
Dialog {
    id: dialog
    required property NoteListModel notes
    signal signed(int count)
    signal fixRequested(string noteId)

    property var drafts: []
    property var ticked: ({})
    readonly property var tickedIds: Object.keys(ticked).filter(id => ticked[id])

    function openForReview() {
        const list = notes.drafts()
        const chosen = {}
        for (const draft of list)
            chosen[draft.noteId] = draft.signable
        drafts = list
        ticked = chosen
        passphrase.clear()
        open()
    }
    function setTicked(noteId, on) {
        const next = Object.assign({}, ticked)
        next[noteId] = on
        ticked = next
    }

    title: qsTr("Review and sign")
    modal: true
    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: qsTr("Once signed, notes are dated and cannot be changed; a mistake is corrected by a new note. Tick the notes to sign now.")
        }
        ListView {
            id: draftList
            objectName: "draftsToSign"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 120
            clip: true
            spacing: 8
            model: dialog.drafts
            ScrollBar.vertical: ScrollBar {}
            delegate: Frame {
                id: entry
                required property var modelData
                width: ListView.view.width - 12
                ColumnLayout {
                    width: parent.width
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        CheckBox {
                            checked: dialog.ticked[entry.modelData.noteId] === true
                            enabled: entry.modelData.signable
                            text: entry.modelData.kindLabel
                            font.bold: true
                            Accessible.name: qsTr("Sign this %1").arg(entry.modelData.kindLabel)
                            onToggled: dialog.setTicked(entry.modelData.noteId, checked)
                        }
                        Label {
                            text: entry.modelData.evidence === "given" ? qsTr("evidence given")
                                : entry.modelData.evidence === "asked" ? qsTr("evidence asked, none given")
                                : entry.modelData.evidence === "not-asked" ? qsTr("evidence not asked") : ""
                            opacity: 0.75
                            Layout.fillWidth: true
                        }
                        FieldButton {
                            text: qsTr("Fix")
                            flat: true
                            implicitHeight: 48
                            Accessible.name: qsTr("Open this note in the editor to fix it")
                            onClicked: { dialog.close(); dialog.fixRequested(entry.modelData.noteId) }
                        }
                    }
                    Label { text: entry.modelData.text; wrapMode: Label.Wrap; maximumLineCount: 4; elide: Label.ElideRight; Layout.fillWidth: true }
                    Label {
                        visible: entry.modelData.problem !== ""
                        text: entry.modelData.problem
                        wrapMode: Label.Wrap
                        color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: entry.modelData.suspectedNames.length > 0
                        text: qsTr("May name a person: %1. Fix it to refer to a role, or sign if it does not.")
                              .arg(entry.modelData.suspectedNames.join(", "))
                        wrapMode: Label.Wrap
                        color: (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900))
                        Layout.fillWidth: true
                    }
                }
            }
        }
        PassphraseField { id: passphrase; placeholderText: qsTr("Your passphrase, to sign"); Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Button { text: qsTr("Cancel"); flat: true; implicitHeight: 48; Accessible.name: text; onClicked: { passphrase.clear(); dialog.close() } }
            Item { Layout.fillWidth: true }
            FieldButton {
                objectName: "signTicked"
                text: qsTr("Sign %n note(s)", "", dialog.tickedIds.length)
                enabled: dialog.tickedIds.length > 0
                highlighted: true
                implicitHeight: 48
                Layout.minimumWidth: 200
                Accessible.name: text
                onClicked: {
                    const count = dialog.notes.signDrafts(passphrase.text, dialog.tickedIds)
                    passphrase.clear()
                    if (count > 0) {
                        dialog.signed(count)
                        dialog.close()
                    }
                }
            }
        }
    }
}
