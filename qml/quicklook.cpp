#include "quicklook.h"

#include <QQuickStyle>
#include <QQuickWindow>

namespace fieldnotes::ui {

void useFieldnotesLook()
{
    QQuickStyle::setStyle(QStringLiteral("Material"));
    // Glyphs rasterised once at their size and hinted, instead of distance fields shaded per pixel
    // in every frame. Nothing in the app scales or rotates text, so nothing is lost, and the
    // fragment work of a page of questions and notes falls by about a quarter where the GPU is
    // Mesa's software rasteriser (README, "Typing (the UI)").
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    // No depth or stencil buffer. The depth buffer only lets a GPU skip what opaque items hide, and
    // a page here draws one or two opaque items a frame; the stencil buffer only clips what is
    // rotated, and no clip here is. Without them, Mesa's software rasteriser draws rectangles on
    // its fast path: a keystroke on the note-taking page cost it about 2 ms less (README). Read
    // by Qt Quick when it creates its first window, so this must come before.
    qputenv("QSG_NO_DEPTH_BUFFER", "1");
    qputenv("QSG_NO_STENCIL_BUFFER", "1");
}

} // namespace fieldnotes::ui
