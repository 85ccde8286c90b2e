#pragma once

#include "error.h"
#include "recoverykit.h"

#include <QByteArray>
#include <QString>

namespace fieldnotes::sync {

/// The recovery kit as a printable A4 page: what it is and how to use it, the review and key it
/// is for, the whole kit as a QR code and as text. Written whole or not at all.
Result<void> writeRecoveryKitPage(const QByteArray &kit, const QString &path);

} // namespace fieldnotes::sync
