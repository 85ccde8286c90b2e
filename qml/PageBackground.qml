import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A page's background, painted only while the page slides in or out over another. The window
// paints the same colour behind every page; painting it again on top, every frame, cost the
// software rasteriser about 3 ms a keystroke on the note-taking page (fieldnotes-ui-bench).
// A page outside a StackView always paints it.
Rectangle {
    required property Item page
    visible: page.StackView.status !== StackView.Active
    color: page.Material.backgroundColor
}
