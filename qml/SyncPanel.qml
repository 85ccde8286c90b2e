import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import Fieldnotes

// Where this tablet stands with the team leader's archive: join a review with the leader's
// code, see what is waiting, sent and collected, and send now.
Frame {
    id: panel
    required property SyncController sync
    // The Loader below is a second item: size the frame by the column, not by its children.
    contentHeight: content.implicitHeight

    Column {
        id: content
        width: panel.availableWidth
        spacing: 8

        Label {
            width: parent.width
            wrapMode: Label.Wrap
            font.bold: true
            text: panel.sync.enrolment === "enrolled" ? qsTr("Sending to the team leader")
                  : panel.sync.enrolment === "requested" ? qsTr("Waiting for the team leader to approve this tablet")
                  : panel.sync.enrolment === "revoked" ? qsTr("The team leader has removed this tablet from the review: nothing more is sent")
                  : qsTr("Not joined to a team leader's archive yet")
        }

        // Joining: the leader's QR code through the camera or a photo of it, or its text.
        Row {
            visible: panel.sync.enrolment === "none"
            width: parent.width
            spacing: 8
            TextField {
                id: codeField
                width: parent.width - joinButton.width - labelField.width - 16
                placeholderText: qsTr("Enrolment code from the team leader (FN1:…)")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                implicitHeight: 48
                Accessible.name: qsTr("Enrolment code")
                onTextEdited: codeRead.shown = false
            }
            TextField {
                id: labelField
                width: Math.min(180, parent.width / 4)
                placeholderText: qsTr("This tablet, e.g. tablet 3")
                implicitHeight: 48
                Accessible.name: qsTr("Name of this tablet")
            }
            Button {
                id: joinButton
                text: qsTr("Join")
                enabled: codeField.text.trim() !== ""
                implicitHeight: 48
                Accessible.name: qsTr("Join the review")
                onClicked: if (panel.sync.join(codeField.text, labelField.text)) codeField.text = ""
            }
        }
        Flow {
            visible: panel.sync.enrolment === "none"
            width: parent.width
            spacing: 8
            Button {
                text: qsTr("Scan the code")
                implicitHeight: 48
                Accessible.name: qsTr("Scan the team leader's code with the camera")
                onClicked: scanner.active = true
            }
            Button {
                text: qsTr("Use a photo of the code")
                implicitHeight: 48
                Accessible.name: qsTr("Read the team leader's code from a photo")
                onClicked: panel.choosePhoto()
            }
        }
        Label {
            id: codeRead
            property bool shown: false
            objectName: "codeRead"
            visible: shown && panel.sync.enrolment === "none"
            width: parent.width
            wrapMode: Label.Wrap
            text: qsTr("The team leader's code was read. Give this tablet a name, then tap Join.")
        }

        Label {
            visible: panel.sync.enrolment !== "none"
            width: parent.width
            wrapMode: Label.Wrap
            text: panel.sync.busy && panel.sync.sending > 0 ? qsTr("Sending %1 of %2…").arg(panel.sync.sent).arg(panel.sync.sending)
                  : qsTr("%1 waiting · %2 delivered · %3 collected by the team leader")
                    .arg(panel.sync.queued).arg(panel.sync.delivered).arg(panel.sync.collected)
        }
        Label {
            visible: panel.sync.enrolment === "enrolled" && panel.sync.retentionDays >= 0
            width: parent.width
            wrapMode: Label.Wrap
            opacity: 0.75
            text: panel.sync.retentionDays === 0
                  ? qsTr("The team leader's choice: once they hold a note, its text is removed from this tablet.")
                  : qsTr("The team leader's choice: a note's text is removed from this tablet %n day(s) after they collect it.", "",
                         panel.sync.retentionDays)
        }
        Label {
            visible: panel.sync.lastSuccess !== ""
            width: parent.width
            opacity: 0.75
            text: qsTr("Last sent: %1").arg(panel.sync.lastSuccess)
        }
        Label {
            objectName: "syncError"
            visible: panel.sync.lastError !== ""
            width: parent.width
            wrapMode: Label.Wrap
            color: Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900)
            text: panel.sync.retryInSeconds > 0 ? qsTr("%1 Trying again by itself.").arg(panel.sync.lastError) : panel.sync.lastError
        }
        Button {
            visible: panel.sync.enrolment === "enrolled" || panel.sync.enrolment === "requested"
            text: panel.sync.busy ? qsTr("Sending…") : qsTr("Send now")
            enabled: !panel.sync.busy
            implicitHeight: 48
            Accessible.name: qsTr("Send notes now")
            onClicked: panel.sync.syncNow()
        }
    }

    function choosePhoto() { picker.open() }
    function stopScanning() { scanner.active = false }
    function useCode(code) {
        if (code === "")
            return
        codeField.text = code
        codeRead.shown = true
        labelField.forceActiveFocus()
    }

    // The camera and the media devices start only when asked for, not with every page.
    Loader {
        id: scanner
        active: false
        sourceComponent: CameraScanDialog {
            Component.onCompleted: open()
        }
    }
    Connections {
        target: scanner.item
        function onCodeRead(code) { panel.useCode(code) }
        function onPictureWanted() { panel.choosePhoto() }
        function onClosed() { scanner.active = false }
    }
    FileDialog {
        id: picker
        title: qsTr("Choose a photo of the team leader's code")
        currentFolder: panel.sync.picturesFolder
        nameFilters: [qsTr("Photos (*.png *.jpg *.jpeg)")]
        onAccepted: panel.useCode(panel.sync.codeFromPicture(selectedFile))
    }
}
