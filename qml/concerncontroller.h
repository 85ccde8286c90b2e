#pragma once

#include "vaultsession.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {


/// The safeguarding action: records a concern, signs it at once (urgent, first to sync), and
/// holds the methodology's guidance: tell the team leader now, before acting in any way.
class ConcernController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString guidance READ guidance CONSTANT)
    Q_PROPERTY(QString lastSignedAt READ lastSignedAt NOTIFY recorded)

public:
    explicit ConcernController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString guidance() const;
    QString lastSignedAt() const { return m_lastSignedAt; }

    /// In the given engagement, or, outside one, in the review's "raised outside a session" entry.
    Q_INVOKABLE bool record(const QString &text, const QString &engagementId);

signals:
    void sessionChanged();
    void recorded();

private:
    QString engagementOutsideSessions();

    QPointer<VaultSession> m_session;
    QString m_lastSignedAt;
};

} // namespace fieldnotes::ui
