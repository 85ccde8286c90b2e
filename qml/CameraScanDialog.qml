import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Fieldnotes

// Joining by the camera: point the tablet at the QR code on the team leader's screen. The camera
// runs only while this dialog is open; a tablet without a usable camera says so and offers the
// other ways in.
Dialog {
    id: dialog
    signal codeRead(string code)
    signal pictureWanted()

    readonly property bool hasCamera: devices.videoInputs.length > 0 && camera.error === Camera.NoError

    title: qsTr("Scan the team leader's code")
    modal: true
    standardButtons: Dialog.Cancel
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 720)
    height: hasCamera ? Math.min(parent.height - 32, 640) : implicitHeight
    onOpened: scanner.restart()

    MediaDevices { id: devices }
    CaptureSession {
        camera: Camera {
            id: camera
            cameraDevice: devices.defaultVideoInput
            active: dialog.visible && devices.videoInputs.length > 0
        }
        videoOutput: preview
    }
    QrCodeScanner {
        id: scanner
        videoSink: preview.videoSink
        onFound: code => {
            dialog.codeRead(code)
            dialog.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        VideoOutput {
            id: preview
            visible: dialog.hasCamera
            fillMode: VideoOutput.PreserveAspectFit
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        Label {
            visible: dialog.hasCamera
            text: scanner.hint
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "noCamera"
            visible: !dialog.hasCamera
            text: devices.videoInputs.length === 0
                  ? qsTr("This tablet has no camera that Fieldnotes can use. Choose a photo of the team leader's code instead, or type the code.")
                  : qsTr("The camera could not be started (%1). Choose a photo of the team leader's code instead, or type the code.").arg(camera.errorString)
            wrapMode: Label.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Choose a photo instead")
            implicitHeight: 48
            Accessible.name: text
            Layout.alignment: Qt.AlignRight
            onClicked: {
                dialog.close()
                dialog.pictureWanted()
            }
        }
    }
}
