#pragma once

#include <QString>

namespace fieldnotes::platform {

/// Where this user's vault lives when no directory is given: the platform's app-data location.
QString defaultVaultDirectory();

} // namespace fieldnotes::platform
