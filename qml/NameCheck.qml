import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Fieldnotes

// The non-attribution guard beside anything a person types: the words that may name someone,
// and what to write instead. It suggests; it never blocks. A child gets it in a child's words.
Frame {
    id: check
    required property VaultSession session
    property string text: ""
    property bool child: false
    /// From `text` by default; a controller that checks its own text gives its names instead.
    property var names: text.trim() === "" ? [] : session.suspectedNames(text)

    visible: names.length > 0
    Accessible.name: warning.text
    Label {
        id: warning
        objectName: "nameWarning"
        anchors.left: parent.left
        anchors.right: parent.right
        wrapMode: Label.Wrap
        color: (Material.theme === Material.Dark ? Material.color(Material.Orange, Material.Shade300) : Material.color(Material.DeepOrange, Material.Shade900))
        text: check.child
              ? qsTr("Is “%1” someone's name? No names here: write what they do instead, like “a teacher” or “a pupil”.")
                .arg(check.names.join("”, “"))
              : qsTr("This may name a person: %1. Notes are non-attributable: refer to a role instead (for example \"a youth worker\").")
                .arg(check.names.join(", "))
    }
}
