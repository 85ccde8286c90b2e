pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// Findings per priority, each with the notes it rests on and whether it is substantiated yet,
// and the recommendations that cite them (flagged while one cited is not substantiated).
Item {
    id: pane
    required property VaultSession session
    required property DeskController desk
    required property string priorityId

    FindingsModel { id: findings; objectName: "deskFindings"; session: pane.session; priorityId: pane.priorityId }
    RecommendationsModel { id: recommendations; session: pane.session; priorityId: pane.priorityId }

    // A priority has a handful of findings, not thousands: a Repeater, which still changes only
    // the rows its model changes, in one scrolling column with the forms.
    ScrollView {
        id: list
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row
        clip: true

        ColumnLayout {
            width: list.availableWidth - 12
            spacing: 8
            DeskReviewEditor {
                desk: pane.desk
                priorityId: pane.priorityId
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("A finding is substantiated when verified notes from at least this many independent sources support it, and not only by statements without an example or evidence:")
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
                SpinBox {
                    from: 1
                    to: 7
                    value: pane.desk.requiredSources
                    Accessible.name: qsTr("Independent sources a finding needs")
                    onValueModified: if (!pane.desk.setRequiredSources(value)) value = pane.desk.requiredSources
                }
            }
            Label { text: qsTr("New finding"); font.bold: true; font.pixelSize: 20 }
            RowLayout {
                Layout.fillWidth: true
                RadioButton { id: goodPractice; text: qsTr("Good practice"); Accessible.name: text }
                RadioButton { text: qsTr("Area for development"); checked: true; Accessible.name: text }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: statement
                    objectName: "findingStatement"
                    placeholderText: qsTr("What the evidence shows, in plain words")
                    Layout.fillWidth: true
                    implicitHeight: 48
                    Accessible.name: qsTr("Finding statement")
                }
                Button {
                    text: qsTr("Add finding")
                    enabled: statement.text.trim() !== "" && pane.priorityId !== ""
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: if (pane.desk.addFinding(pane.priorityId, goodPractice.checked ? "good-practice" : "area-for-development", statement.text) !== "")
                                   statement.clear()
                }
            }
            Label {
                visible: findings.count === 0
                text: qsTr("No findings for this priority yet. Add one, then open notes under Evidence and link them to it.")
                opacity: 0.75
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }

            Repeater {
                model: findings
                delegate: Frame {
                    id: finding
                    required property string findingId
                    required property string kindLabel
                    required property string statement
                    required property bool substantiated
                    required property string shortfalls
                    required property string sources
                    required property var support
                    Layout.fillWidth: true
                    background: Rectangle {
                        color: "transparent"
                        radius: 4
                        border.width: finding.substantiated ? 1 : 2
                        border.color: finding.substantiated ? "#40808080" : "#ef8f00"
                    }
                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        spacing: 4
                        Label {
                            text: qsTr("%1 · %2").arg(finding.findingId).arg(finding.kindLabel)
                            font.bold: true
                        }
                        Label { text: finding.statement; wrapMode: Label.Wrap; font.pixelSize: 20; Layout.fillWidth: true }
                        Label {
                            text: finding.substantiated ? qsTr("✓ Substantiated: %1").arg(finding.sources)
                                                        : qsTr("⚠ Not yet substantiated: %1").arg(finding.shortfalls)
                            color: finding.substantiated ? Material.color(Material.Green, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800) : (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900))
                            font.bold: !finding.substantiated
                            wrapMode: Label.Wrap
                            Layout.fillWidth: true
                            Accessible.name: text
                        }
                        Repeater {
                            model: finding.support
                            delegate: RowLayout {
                                id: supportRow
                                required property var modelData
                                Layout.fillWidth: true
                                Label {
                                    text: qsTr("“%1” — %2, %3, note %4%5").arg(supportRow.modelData.words).arg(supportRow.modelData.sourceLabel)
                                          .arg(supportRow.modelData.kindLabel).arg(supportRow.modelData.shortHash)
                                          .arg(supportRow.modelData.verified ? "" : qsTr(" (did not verify: not counted)"))
                                    wrapMode: Label.Wrap
                                    Layout.fillWidth: true
                                }
                                ToolButton {
                                    text: qsTr("Unlink")
                                    Accessible.name: qsTr("Unlink this note from %1").arg(finding.findingId)
                                    onClicked: pane.desk.unlink(finding.findingId, supportRow.modelData.hash, supportRow.modelData.start, supportRow.modelData.end)
                                }
                            }
                        }
                    }
                }
            }
            Label { text: qsTr("Recommendations"); font.bold: true; font.pixelSize: 20; topPadding: 16 }
            Repeater {
                model: recommendations
                delegate: Label {
                    required property string recommendationId
                    required property string recommendationText
                    required property string findingIds
                    required property bool flagged
                    required property string unsubstantiated
                    text: qsTr("%1: %2 (rests on %3)").arg(recommendationId).arg(recommendationText).arg(findingIds)
                          + (flagged ? qsTr(" ⚠ cites %1, not yet substantiated").arg(unsubstantiated) : "")
                    color: flagged ? (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900)) : Material.foreground
                    wrapMode: Label.Wrap
                    Layout.fillWidth: true
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Label { text: qsTr("Rests on:"); height: 40; verticalAlignment: Label.AlignVCenter }
                Repeater {
                    id: citations
                    model: findings
                    delegate: CheckBox {
                        required property string findingId
                        text: findingId
                        Accessible.name: qsTr("Cite %1").arg(findingId)
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: recommendation
                    placeholderText: qsTr("A recommendation the findings support")
                    Layout.fillWidth: true
                    implicitHeight: 48
                    Accessible.name: qsTr("Recommendation")
                }
                Button {
                    text: qsTr("Add recommendation")
                    enabled: recommendation.text.trim() !== "" && pane.priorityId !== ""
                    implicitHeight: 48
                    Accessible.name: text
                    onClicked: {
                        const cited = []
                        for (let i = 0; i < citations.count; ++i) {
                            const box = citations.itemAt(i) as CheckBox
                            if (box && box.checked)
                                cited.push(box.text)
                        }
                        if (pane.desk.addRecommendation(pane.priorityId, recommendation.text, cited) !== "")
                            recommendation.clear()
                    }
                }
            }
        }
    }
}
