#pragma once

#include "syncstore.h"
#include "vaultsession.h"

#include <QObject>
#include <QFutureWatcher>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// The team leader's side of sync in the app, for the review this vault shows: connect it to an
/// archive, invite a tablet (a QR code and the code as text), approve tablets that asked to
/// join, and collect what tablets sent, with a line per tablet on what arrived and what is
/// missing or wrong.
class LeaderController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool leads READ leads NOTIFY changed)
    /// Whether it leads as a deputy: with its own keys, as the roster allows (no recovery kit, no deputies).
    Q_PROPERTY(bool deputy READ deputy NOTIFY changed)
    Q_PROPERTY(QString inviteCode READ inviteCode NOTIFY inviteChanged)
    Q_PROPERTY(QString inviteQrCode READ inviteQrCode NOTIFY inviteChanged)
    Q_PROPERTY(bool inviteForDeputy READ inviteForDeputy NOTIFY inviteChanged)
    /// Tablets waiting, as {key, name, roleLabel, problem} maps: those that passed the join check,
    /// then those that did not, with why. Each is approved or turned away on its own.
    Q_PROPERTY(QVariantList pendingTablets READ pendingTablets NOTIFY changed)
    /// The tablets in the review's roster, as {key, name, roleLabel, revoked} maps.
    Q_PROPERTY(QVariantList enrolledTablets READ enrolledTablets NOTIFY changed)
    /// What connecting the review last did, in words ("Connected to …").
    Q_PROPERTY(QString connectionStatus READ connectionStatus NOTIFY changed)
    Q_PROPERTY(int approvableTablets READ approvableTablets NOTIFY changed)
    Q_PROPERTY(QStringList collectionReport READ collectionReport NOTIFY changed)
    /// Days tablets keep a collected note's content; -1 keeps it (the default).
    Q_PROPERTY(int retentionDays READ retentionDays NOTIFY changed)
    /// The periods offered, as {text, value} (the current one included when set elsewhere).
    Q_PROPERTY(QVariantList retentionChoices READ retentionChoices NOTIFY changed)
    /// When the review's recovery kit was made and kept (empty: never; tablets cannot be invited yet).
    Q_PROPERTY(QString recoveryKitMadeAt READ recoveryKitMadeAt NOTIFY recoveryKitChanged)
    Q_PROPERTY(bool makingRecoveryKit READ makingRecoveryKit NOTIFY recoveryKitChanged)
    /// Where the kit just made was written: the kit file and its printable page.
    Q_PROPERTY(QString recoveryKitFile READ recoveryKitFile NOTIFY recoveryKitChanged)
    Q_PROPERTY(QString recoveryKitPage READ recoveryKitPage NOTIFY recoveryKitChanged)

public:
    explicit LeaderController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    /// Whether this vault holds the review keys of the review it shows.
    bool leads() const { return m_leads; }
    bool deputy() const { return m_deputy; }
    bool inviteForDeputy() const { return m_inviteForDeputy; }
    QString inviteCode() const { return m_inviteCode; }
    /// The invitation as a PNG data URL (libqrencode), for an Image.
    QString inviteQrCode() const { return m_inviteQrCode; }
    QVariantList pendingTablets() const { return m_pendingTablets; }
    QVariantList enrolledTablets() const { return m_enrolledTablets; }
    QString connectionStatus() const { return m_connectionStatus; }
    int approvableTablets() const { return int(m_shownTablets.size()); }
    QStringList collectionReport() const { return m_collectionReport; }
    int retentionDays() const { return m_retentionDays; }
    QVariantList retentionChoices() const;
    QString recoveryKitMadeAt() const { return m_recoveryKitMadeAt; }
    bool makingRecoveryKit() const { return m_makingKit; }
    QString recoveryKitFile() const { return m_recoveryKitFile; }
    QString recoveryKitPage() const { return m_recoveryKitPage; }
    /// Where kits go unless another folder is given: the documents folder's Fieldnotes folder.
    static QString defaultRecoveryKitFolder();

    /// Seals the review's keys under the recovery passphrase (Argon2id, off the GUI thread) and
    /// writes the kit and its printable page into folder; recoveryKitChanged when done, an error
    /// in words otherwise. False at once when the passphrases differ or are too short.
    Q_INVOKABLE bool makeRecoveryKit(const QString &recoveryPassphrase, const QString &repeated, const QString &folder = {});

    /// creationCode: the one-time review-creation code from the archive's operator.
    Q_INVOKABLE bool connectArchive(const QString &archiveUrl, const QString &fingerprint, const QString &creationCode);
    /// forDeputy: a code that makes the tablet joining with it the review's deputy leader.
    Q_INVOKABLE bool invite(int validHours, bool forDeputy = false);
    Q_INVOKABLE bool refreshPending();
    /// Approves the tablets shown as approvable, and no other.
    Q_INVOKABLE bool approveAll();
    /// One waiting tablet (by its key in hex, as listed) approved or turned away.
    Q_INVOKABLE bool approve(const QString &deviceKeyHex);
    Q_INVOKABLE bool reject(const QString &deviceKeyHex);
    /// An enrolled tablet removed from the review: it can send nothing more.
    Q_INVOKABLE bool revoke(const QString &deviceKeyHex);
    Q_INVOKABLE bool collect();
    /// Sets the retention period and publishes it to the tablets in the signed set-up.
    Q_INVOKABLE bool setRetentionDays(int days);

    /// A QR code of text as a PNG data URL, `scale` pixels per module with a 4-module margin.
    static QString qrCodeDataUrl(const QString &text, int scale = 6);

signals:
    void sessionChanged();
    void changed();
    void inviteChanged();
    void recoveryKitChanged();

private:
    void reload();
    bool fail(const QString &message);

    QPointer<VaultSession> m_session;
    bool m_leads = false;
    bool m_deputy = false;
    bool m_inviteForDeputy = false;
    QString m_inviteCode;
    QString m_inviteQrCode;
    QVariantList m_pendingTablets;
    QVariantList m_enrolledTablets;
    QString m_connectionStatus;
    void readRoster();
    QList<QByteArray> m_shownTablets; // the approvable ones on screen: what "Approve all" approves
    QStringList m_collectionReport;
    int m_retentionDays = sync::Enrolment::keepCollected;

    struct WrittenKit {
        QByteArray sealed;
        QString file;
        QString page;
        QString error;
    };
    void onRecoveryKitWritten();
    QFutureWatcher<WrittenKit> m_kitWriting;
    QString m_kitReviewId;
    bool m_makingKit = false; // until its result is recorded, not only computed
    QString m_recoveryKitMadeAt;
    QString m_recoveryKitFile;
    QString m_recoveryKitPage;
};

} // namespace fieldnotes::ui
