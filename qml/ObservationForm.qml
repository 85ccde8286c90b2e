import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// The Young Inspector's observation template, in plain words.
ColumnLayout {
    id: form
    required property ObservationController observation
    signal signRequested()
    spacing: 12

    Label { text: qsTr("What did I see?"); font.pixelSize: 24; font.bold: true }
    TextArea {
        Layout.fillWidth: true
        Layout.preferredHeight: 120
        wrapMode: TextArea.Wrap
        font.pixelSize: 22
        placeholderText: qsTr("Say what happened. Use jobs like \"a teacher\", not names.")
        text: form.observation.saw
        onTextChanged: if (text !== form.observation.saw) form.observation.saw = text
        objectName: "saw"
        Accessible.name: qsTr("What did I see?")
    }
    Label { text: qsTr("What was good?"); font.pixelSize: 24; font.bold: true }
    TextArea {
        Layout.fillWidth: true
        Layout.preferredHeight: 100
        wrapMode: TextArea.Wrap
        font.pixelSize: 22
        text: form.observation.good
        onTextChanged: if (text !== form.observation.good) form.observation.good = text
        objectName: "good"
        Accessible.name: qsTr("What was good?")
    }
    Label { text: qsTr("What could be better?"); font.pixelSize: 24; font.bold: true }
    TextArea {
        Layout.fillWidth: true
        Layout.preferredHeight: 100
        wrapMode: TextArea.Wrap
        font.pixelSize: 22
        text: form.observation.better
        onTextChanged: if (text !== form.observation.better) form.observation.better = text
        objectName: "better"
        Accessible.name: qsTr("What could be better?")
    }
    NameCheck {
        objectName: "observationNameCheck"
        session: form.observation.session
        text: form.observation.saw + "\n" + form.observation.good + "\n" + form.observation.better
        child: true
        font.pixelSize: 20
        Layout.fillWidth: true
    }
    Label { text: qsTr("How did it feel? (you can skip this)"); font.pixelSize: 20 }
    SmileyRating {
        value: form.observation.rating
        onValueChanged: form.observation.rating = value
    }
    FieldButton {
        text: qsTr("I'm finished: lock it in")
        objectName: "finished"
        enabled: form.observation.canSign
        highlighted: true
        font.pixelSize: 22
        implicitHeight: 72
        Layout.fillWidth: true
        Accessible.name: text
        onClicked: form.signRequested()
    }
}
