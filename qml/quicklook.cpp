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
}

} // namespace fieldnotes::ui
