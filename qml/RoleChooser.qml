pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls

// Reviewer, team leader or Young Inspector: one tap each.
Flow {
    id: chooser
    property string role: "reviewer"
    signal roleChosen(string chosen)
    spacing: 8
    Repeater {
        model: [
            { role: "reviewer", label: qsTr("a reviewer") },
            { role: "team-leader", label: qsTr("the team leader") },
            { role: "young-inspector", label: qsTr("a Young Inspector") }
        ]
        delegate: RadioButton {
            required property var modelData
            text: modelData.label
            checked: chooser.role === modelData.role
            Accessible.name: qsTr("I am %1").arg(modelData.label)
            onClicked: { chooser.role = modelData.role; chooser.roleChosen(modelData.role) }
        }
    }
}
