#pragma once

#include <QByteArray>
#include <QString>

namespace fieldnotes::sync {

/// A device waiting for the leader's approval after redeeming an enrolment code.
struct JoinRequest {
    QByteArray deviceKey;
    QString role;
    QString label;
    QString requestedAt;
};

} // namespace fieldnotes::sync
