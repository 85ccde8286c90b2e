import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldnotes

// The Young Inspector's observation template, in plain words, for one visit. Side by side on a
// wide screen, so that the button to finish is in sight without scrolling.
GridLayout {
    id: form
    required property ObservationController observation
    property string visitTitle: ""
    property bool wide: false
    signal finishRequested()
    // Set when the child tried to finish too early; the hint goes once it is put right.
    property bool triedToFinish: false
    readonly property bool sawMissing: !observation.canSign

    // The answers come into their fields only when the controller replaces them (cleared once
    // signed); what is typed goes out. Not bindings: a binding back copies the whole answer into
    // its field, through JavaScript, on every keystroke.
    property bool takingAnswers: false
    function takeAnswers() {
        takingAnswers = true
        sawField.text = observation.saw
        goodField.text = observation.good
        betterField.text = observation.better
        takingAnswers = false
    }
    Component.onCompleted: takeAnswers()
    Connections {
        target: form.observation
        function onAnswersReplaced() { form.takeAnswers() }
    }

    columns: wide ? 2 : 1
    columnSpacing: 32
    rowSpacing: 12

    function finish() {
        triedToFinish = true
        if (!sawMissing)
            finishRequested()
    }
    function reset() { triedToFinish = false }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        spacing: 8
        Label {
            objectName: "visitHeading"
            text: qsTr("Your notes about: %1").arg(form.visitTitle)
            font.pixelSize: 24
            font.bold: true
            wrapMode: Label.Wrap
            Layout.fillWidth: true
            Layout.bottomMargin: 16 // the visit's name apart from its first question
        }
        Label { text: qsTr("What did you see?"); font.pixelSize: 22; font.bold: true }
        TextArea {
            Layout.fillWidth: true
            Layout.preferredHeight: 110
            wrapMode: TextArea.Wrap
            font.pixelSize: 20
            placeholderText: qsTr("Say what happened. Use jobs like \"a teacher\", not names.")
            id: sawField
            onTextChanged: if (!form.takingAnswers) form.observation.takeTypedAnswer(ObservationController.Saw, text)
            objectName: "saw"
            Accessible.name: qsTr("What did you see?")
        }
        Label {
            objectName: "sawHint"
            visible: form.triedToFinish && form.sawMissing
            text: qsTr("Write what you saw first, then you can finish.")
            color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
            font.pixelSize: 20
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label { text: qsTr("What was good?"); font.pixelSize: 22; font.bold: true }
        TextArea {
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            wrapMode: TextArea.Wrap
            font.pixelSize: 20
            id: goodField
            onTextChanged: if (!form.takingAnswers) form.observation.takeTypedAnswer(ObservationController.Good, text)
            objectName: "good"
            Accessible.name: qsTr("What was good?")
        }
        Label { text: qsTr("What could be better?"); font.pixelSize: 22; font.bold: true }
        TextArea {
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            wrapMode: TextArea.Wrap
            font.pixelSize: 20
            id: betterField
            onTextChanged: if (!form.takingAnswers) form.observation.takeTypedAnswer(ObservationController.Better, text)
            objectName: "better"
            Accessible.name: qsTr("What could be better?")
        }
        NameCheck {
            objectName: "observationNameCheck"
            session: form.observation.session
            names: form.observation.suspectedNames
            child: true
            font.pixelSize: 20
            Layout.fillWidth: true
        }
    }
    ColumnLayout {
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        spacing: 12
        Label { text: qsTr("How did the visit feel? (you can skip this)"); font.pixelSize: 22; font.bold: true; wrapMode: Label.Wrap; Layout.fillWidth: true }
        SmileyRating {
            value: form.observation.rating
            onChosen: value => form.observation.rating = value
        }
        FieldButton {
            text: qsTr("I'm finished: lock it in")
            objectName: "finished"
            highlighted: true
            font.pixelSize: 22
            font.capitalization: Font.MixedCase // plain words, not shouting capitals
            implicitHeight: 72
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: form.finish()
        }
    }
}
