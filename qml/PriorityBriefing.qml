pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Fieldnotes

// Why this priority is being looked at: the team leader's desk-top review (its RAG rating, what
// the evidence showed under each criterion) and the lines of enquiry, from the signed set-up.
Column {
    id: briefing
    // {title, rag, evidence: [{criterion, text}], linesOfEnquiry}, as EngagementListModel gives it
    property var priority: ({})
    readonly property string rag: priority.rag ?? ""
    readonly property var lines: priority.linesOfEnquiry ?? []
    readonly property var evidence: priority.evidence ?? []

    visible: rag !== "" || lines.length > 0
    spacing: 6

    Label {
        width: briefing.width
        wrapMode: Label.Wrap
        font.pixelSize: 22
        font.bold: true
        text: qsTr("Why we are looking at %1").arg(briefing.priority.title ?? "")
    }
    Row {
        visible: briefing.rag !== ""
        spacing: 8
        Rectangle {
            width: 20; height: 20; radius: 10
            anchors.verticalCenter: parent.verticalCenter
            // The word says it too: colour alone is not enough.
            color: briefing.rag === "red" ? "#c62828" : briefing.rag === "amber" ? "#ef8f00" : "#2e7d32"
        }
        Label {
            text: briefing.rag === "red" ? qsTr("Red: issues are affecting progress")
                : briefing.rag === "amber" ? qsTr("Amber: some concerns about progress")
                : qsTr("Green: progressing well")
            font.bold: true
        }
    }
    Repeater {
        model: briefing.evidence
        delegate: Label {
            required property var modelData
            width: briefing.width
            wrapMode: Label.Wrap
            text: qsTr("%1: %2").arg(modelData.criterion).arg(modelData.text)
        }
    }
    Label {
        visible: briefing.lines.length > 0
        width: briefing.width
        wrapMode: Label.Wrap
        font.bold: true
        topPadding: 6
        text: qsTr("Lines of enquiry")
    }
    Repeater {
        model: briefing.lines
        delegate: Label {
            required property string modelData
            width: briefing.width
            wrapMode: Label.Wrap
            text: "• " + modelData
        }
    }
}
