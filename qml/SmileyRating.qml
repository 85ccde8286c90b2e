pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// An optional, friendly rating: three big faces. The chosen one is filled in and named below;
// tapping it again clears it. The value is the owner's (it follows `value`, and says `chosen`).
ColumnLayout {
    id: rating
    property int value: 0
    signal chosen(int value)
    spacing: 6
    readonly property var faces: [
        { value: 1, face: "☹", label: qsTr("Not good") },
        { value: 2, face: "😐", label: qsTr("OK") },
        { value: 3, face: "☺", label: qsTr("Good") }
    ]
    RowLayout {
        spacing: 12
        Repeater {
            model: rating.faces
            delegate: FieldButton {
                required property var modelData
                text: modelData.face
                objectName: "smiley-" + modelData.value
                font.pixelSize: 40
                checkable: true
                checked: rating.value === modelData.value
                highlighted: checked
                implicitWidth: 88
                implicitHeight: 88
                Accessible.name: modelData.label
                Accessible.checked: checked
                onClicked: rating.chosen(rating.value === modelData.value ? 0 : modelData.value)
            }
        }
    }
    Label {
        objectName: "chosenFace"
        font.pixelSize: 20
        text: rating.value === 0 ? qsTr("You have not chosen a face.")
                                 : qsTr("You chose: %1").arg(rating.faces[rating.value - 1].label)
    }
}
