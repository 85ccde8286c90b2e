#pragma once

namespace fieldnotes::ui {

/// The style, text rendering and render buffers every Fieldnotes window uses (the app, its QML
/// tests, the UI benchmark's app and its bare baseline page alike). Call after the
/// QGuiApplication exists and before the first window or QML engine.
void useFieldnotesLook();

} // namespace fieldnotes::ui
