import QtQuick
import QtQuick.Controls

TextField {
    echoMode: TextInput.Password
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhHiddenText
    Accessible.name: placeholderText
    implicitHeight: 56
}
