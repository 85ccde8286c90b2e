#include "appdatapaths.h"

#include <QStandardPaths>

namespace fieldnotes::platform {

QString defaultVaultDirectory()
{
    // Explicit names, so the CLI and the app agree whatever the executable is called.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QStringLiteral("/fieldnotes/vault");
}

} // namespace fieldnotes::platform
