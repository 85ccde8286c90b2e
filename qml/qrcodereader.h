#pragma once

#include <QImage>
#include <QString>

namespace fieldnotes::ui {

/// The text of the QR code in a picture (a photo or a camera frame of the leader's invitation),
/// read with zxing-cpp; empty when the picture holds none that can be read.
QString readQrCode(const QImage &image);

} // namespace fieldnotes::ui
