pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Fieldnotes
import QtQuick.Layouts

// An optional, friendly rating: three big faces; tapping the chosen one again clears it.
RowLayout {
    id: rating
    property int value: 0
    spacing: 12
    Repeater {
        model: [
            { value: 1, face: "☹", label: qsTr("Not good") },
            { value: 2, face: "😐", label: qsTr("OK") },
            { value: 3, face: "☺", label: qsTr("Good") }
        ]
        delegate: FieldButton {
            required property var modelData
            text: modelData.face
            objectName: "smiley-" + modelData.value
            font.pixelSize: 40
            checkable: true
            checked: rating.value === modelData.value
            implicitWidth: 88
            implicitHeight: 88
            Accessible.name: modelData.label
            onClicked: rating.value = rating.value === modelData.value ? 0 : modelData.value
        }
    }
}
