import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One collected note as the leader reads it: what kind, who wrote it and when, where the desk
// places it, whether evidence was given, whether it verified.
ItemDelegate {
    id: note
    required property int index
    required property string hash
    required property string shortHash
    required property string richText
    required property string plainText
    required property string kind
    required property string kindLabel
    required property string author
    required property string signedAt
    required property string engagementTitle
    required property string priorityTitle
    required property string sourceLabel
    required property string evidence
    required property string amends
    required property bool verified
    required property string verdict
    required property string followUp
    required property string corrections

    readonly property bool concern: kind === "concern"
    function joined(parts) {
        let text = ""
        for (const part of parts)
            if (part !== "")
                text += (text === "" ? "" : " · ") + part
        return text
    }
    padding: 12
    Accessible.name: qsTr("%1 by %2: %3").arg(kindLabel).arg(author).arg(plainText.slice(0, 80))

    background: Rectangle {
        color: note.concern ? "#33c62828" : note.down ? "#22808080" : "transparent"
        border.color: note.concern ? "#c62828" : "#40808080"
        border.width: note.concern ? 2 : 1
        radius: 4
    }
    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: note.kindLabel
                font.bold: true
                color: note.concern ? Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800) : Material.foreground
            }
            Label {
                text: qsTr("%1 · signed %2").arg(note.author).arg(note.signedAt)
                opacity: 0.75
                elide: Label.ElideRight
                Layout.fillWidth: true
                Layout.preferredWidth: 0
            }
            Label {
                // The word says it too: colour alone is not enough.
                text: note.verified ? qsTr("✓ Verified") : qsTr("⚠ Not verified")
                color: note.verified ? Material.color(Material.Green, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800) : Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800)
                font.bold: !note.verified
            }
        }
        Label {
            text: note.richText
            textFormat: Label.StyledText
            wrapMode: Label.Wrap
            maximumLineCount: 4
            elide: Label.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: note.joined([note.priorityTitle, note.engagementTitle, note.sourceLabel])
            opacity: 0.75
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: note.evidence !== "" || note.amends !== ""
            text: note.joined([note.evidence, note.amends !== "" ? qsTr("corrects note %1").arg(note.amends) : ""])
            opacity: 0.75
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: note.corrections !== ""
            text: note.corrections
            font.italic: true
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !note.verified
            text: note.verdict
            color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800)
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: note.concern
            text: note.followUp !== "" ? qsTr("Followed up: %1").arg(note.followUp) : qsTr("No follow-up recorded yet")
            font.bold: note.followUp === ""
            color: note.followUp === "" ? Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade200 : Material.Shade800) : Material.foreground
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
    }
}
