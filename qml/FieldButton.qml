import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Controls.Material.impl
import QtQuick.Controls.impl

// A filled Material button without the elevation shadow. The style draws that shadow as a layer
// 100 px wider than the button on every side, blended again in every frame; on the pages typed
// on (many buttons, a frame per keystroke) it cost more than everything else on screen
// (fieldnotes-ui-bench). A checkable one shows its state with the style's bar along the bottom.
Button {
    id: control
    /// A fill of its own (the concern button's red), the same in both themes; none by default.
    property color fillColor: "transparent"
    /// The text on that fill.
    property color textColor: "transparent"

    // On the dark theme's pale accent, white text is unreadable (about 2:1): dark text instead.
    contentItem: IconLabel {
        spacing: control.spacing
        mirrored: control.mirrored
        display: control.display
        icon: control.icon
        text: control.text
        font: control.font
        color: control.textColor.a > 0 ? control.textColor
             : !control.enabled ? control.Material.hintTextColor
             : control.flat && control.highlighted ? control.Material.accentColor
             : control.highlighted ? (control.Material.theme === Material.Dark ? "#de000000" : control.Material.primaryHighlightedTextColor)
             : control.Material.foreground
    }

    background: Rectangle {
        implicitWidth: 64
        implicitHeight: control.Material.buttonHeight
        radius: 4
        color: control.fillColor.a > 0 ? control.fillColor
             : control.flat ? "transparent"
             : !control.enabled ? control.Material.buttonDisabledColor
             : control.highlighted ? control.Material.highlightedButtonColor
             : control.Material.buttonColor
        border.width: control.flat || control.highlighted ? 0 : 1
        border.color: control.Material.dividerColor

        Rectangle {
            visible: control.checkable
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 4
            radius: 2
            color: control.checked && control.enabled ? control.Material.accentColor : control.Material.secondaryTextColor
        }

        Ripple {
            clipRadius: 4
            width: parent.width
            height: parent.height
            pressed: control.pressed
            anchor: control
            active: enabled && (control.down || control.visualFocus || control.hovered)
            color: control.flat && control.highlighted ? control.Material.highlightedRippleColor : control.Material.rippleColor
        }
    }
}
