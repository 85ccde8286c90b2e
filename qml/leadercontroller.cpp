#include "leadercontroller.h"

#include "leaderdesk.h"
#include "recoverykitpage.h"
#include "roster.h"
#include "syncencoding.h"
#include "syncstore.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLocale>
#include <QSaveFile>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <sodium.h>

#include <qrencode.h>

namespace fieldnotes::ui {

LeaderController::LeaderController(QObject *parent) : QObject(parent)
{
    connect(&m_kitWriting, &QFutureWatcher<WrittenKit>::finished, this, &LeaderController::onRecoveryKitWritten);
}

void LeaderController::setSession(VaultSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &VaultSession::stateChanged, this, &LeaderController::reload);
        connect(m_session, &VaultSession::reviewChanged, this, &LeaderController::reload);
    }
    reload();
    emit sessionChanged();
}

void LeaderController::reload()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    m_leads = false;
    m_deputy = false;
    if (vault && !m_session->reviewId().isEmpty()) {
        auto keys = sync::SyncStore(*vault).reviewKeys(m_session->reviewId());
        m_leads = keys && *keys;
        m_deputy = m_leads && (*keys)->isDeputy();
        auto days = sync::LeaderDesk(*vault).retentionDays(m_session->reviewId());
        m_retentionDays = days ? *days : sync::Enrolment::keepCollected;
    }
    m_recoveryKitMadeAt.clear();
    if (vault && m_leads) {
        auto made = sync::LeaderDesk(*vault).recoveryKitMadeAt(m_session->reviewId());
        if (made && *made)
            m_recoveryKitMadeAt = QLocale().toString((*made)->toLocalTime(), QLocale::ShortFormat);
    }
    emit recoveryKitChanged();
    if (!vault) {
        m_inviteCode.clear();
        m_inviteQrCode.clear();
        m_pendingTablets.clear();
        m_collectionReport.clear();
        emit inviteChanged();
    }
    emit changed();
}

bool LeaderController::fail(const QString &message)
{
    emit m_session->errorOccurred(message);
    return false;
}

QString LeaderController::qrCodeDataUrl(const QString &text, int scale)
{
    QRcode *code = QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return {};
    const auto release = qScopeGuard([code] { QRcode_free(code); });
    const int margin = 4;
    const int size = (code->width + 2 * margin) * scale;
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                for (int dy = 0; dy < scale; ++dy)
                    std::fill_n(image.scanLine((y + margin) * scale + dy) + (x + margin) * scale, scale, uchar(0));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

bool LeaderController::connectArchive(const QString &archiveUrl, const QString &fingerprint, const QString &creationCode)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_session->reviewId().isEmpty())
        return false;
    if (auto created = sync::LeaderDesk(*vault).createReview(m_session->reviewId(), archiveUrl.trimmed(), fingerprint.trimmed(), creationCode.trimmed());
        !created)
        return fail(created.error().message);
    reload();
    m_connectionStatus = fingerprint.trimmed().isEmpty()
        ? tr("Connected to the archive at %1.").arg(archiveUrl.trimmed())
        : tr("Connected to the archive at %1, its certificate checked against the fingerprint %2….")
              .arg(archiveUrl.trimmed(), fingerprint.trimmed().left(16));
    m_session->markSyncChanged(); // this tablet now holds the review's keys: it is the leader's
    emit changed();
    return true;
}

bool LeaderController::invite(int validHours, bool forDeputy)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto code = sync::LeaderDesk(*vault).invite(m_session->reviewId(), validHours, forDeputy);
    if (!code)
        return fail(code.error().message);
    m_inviteCode = code->toText();
    m_inviteForDeputy = forDeputy;
    m_inviteQrCode = qrCodeDataUrl(m_inviteCode);
    emit inviteChanged();
    return true;
}

bool LeaderController::refreshPending()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto pending = sync::LeaderDesk(*vault).pendingJoins(m_session->reviewId());
    if (!pending)
        return fail(pending.error().message);
    m_pendingTablets.clear();
    m_shownTablets.clear();
    QVariantList refused;
    for (const sync::JoinRequest &join : *pending) {
        const QVariantMap tablet{{QStringLiteral("key"), QString::fromLatin1(join.deviceKey.toHex())},
                                 {QStringLiteral("name"), join.label.isEmpty() ? tr("A tablet with no name") : join.label},
                                 {QStringLiteral("roleLabel"), m_session->roleLabel(join.role).isEmpty() ? join.role : m_session->roleLabel(join.role)},
                                 {QStringLiteral("problem"), join.problem}};
        if (join.problem.isEmpty()) {
            m_pendingTablets << tablet;
            m_shownTablets << join.deviceKey;
        } else {
            refused << tablet;
        }
    }
    m_pendingTablets << refused;
    readRoster();
    emit changed();
    return true;
}

void LeaderController::readRoster()
{
    m_enrolledTablets.clear();
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return;
    sync::SyncStore store(*vault);
    auto keys = store.reviewKeys(m_session->reviewId());
    auto entries = store.rosterEntries(m_session->reviewId());
    if (!keys || !*keys || !entries || entries->isEmpty())
        return;
    // The roster as held here, checked against the leader's own key like every other copy.
    auto roster = sync::Roster::fromEntries(*entries, (**keys).rootKey());
    if (!roster)
        return;
    for (const QByteArray &key : roster->memberKeys()) {
        const QString role = roster->role(key);
        if (role == QLatin1String("team-leader"))
            continue; // the leader's own tablet is not one to revoke here
        m_enrolledTablets << QVariantMap{{QStringLiteral("key"), QString::fromLatin1(key.toHex())},
                                         {QStringLiteral("name"), roster->label(key).isEmpty() ? tr("A tablet with no name") : roster->label(key)},
                                         {QStringLiteral("roleLabel"), m_session->roleLabel(role).isEmpty() ? role : m_session->roleLabel(role)},
                                         {QStringLiteral("revoked"), roster->revokedAt(key).has_value()}};
    }
}

bool LeaderController::approveAll()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    // Only the tablets on screen: one that asked after the list was shown waits for the next look.
    if (m_shownTablets.isEmpty())
        return refreshPending();
    if (auto approved = sync::LeaderDesk(*vault).approve(m_session->reviewId(), m_shownTablets); !approved)
        return fail(approved.error().message);
    return refreshPending();
}

bool LeaderController::approve(const QString &deviceKeyHex)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    const QByteArray key = QByteArray::fromHex(deviceKeyHex.toLatin1());
    if (!vault || !m_shownTablets.contains(key))
        return false;
    auto approved = sync::LeaderDesk(*vault).approve(m_session->reviewId(), {key});
    if (!approved)
        return fail(approved.error().message);
    return refreshPending();
}

bool LeaderController::reject(const QString &deviceKeyHex)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    if (auto rejected = sync::LeaderDesk(*vault).reject(m_session->reviewId(), QByteArray::fromHex(deviceKeyHex.toLatin1())); !rejected)
        return fail(rejected.error().message);
    return refreshPending();
}

bool LeaderController::revoke(const QString &deviceKeyHex)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    if (auto revoked = sync::LeaderDesk(*vault).revoke(m_session->reviewId(), QByteArray::fromHex(deviceKeyHex.toLatin1()),
                                                       QStringLiteral("removed by the team leader"));
        !revoked)
        return fail(revoked.error().message);
    return refreshPending();
}

QVariantList LeaderController::retentionChoices() const
{
    QList<int> days{sync::Enrolment::keepCollected, 0, 7, 30};
    if (!days.contains(m_retentionDays))
        days << m_retentionDays;
    QVariantList choices;
    for (int day : std::as_const(days)) {
        const QString text = day < 0    ? tr("Keep them on the tablets")
                             : day == 0 ? tr("Remove them once collected")
                                        : tr("Remove them %n day(s) after collection", nullptr, day);
        choices << QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("value"), day}};
    }
    return choices;
}

bool LeaderController::setRetentionDays(int days)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || !m_leads)
        return false;
    if (auto published = sync::LeaderDesk(*vault).setRetentionDays(m_session->reviewId(), days); !published) {
        reload();
        return fail(published.error().message);
    }
    reload();
    return true;
}

bool LeaderController::collect()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    m_session->holdOpen();
    const auto release = qScopeGuard([this] { m_session->releaseHold(); });
    auto report = sync::LeaderDesk(*vault).collect(m_session->reviewId());
    if (!report)
        return fail(report.error().message);
    m_collectionReport.clear();
    m_collectionReport << tr("%n new note(s) collected.", nullptr, report->newNotes);
    if (report->conflicts > 0)
        m_collectionReport << tr("%n conflict(s): a tablet sent two different notes under one number.", nullptr, report->conflicts);
    for (const sync::DeviceCollection &device : report->devices) {
        if (device.role == QLatin1String("team-leader") && device.received == 0 && device.problems.isEmpty())
            continue; // this desk itself: it sends no notes
        // By the label the leader gave it; a key prefix only for a tablet without one.
        const QString tablet = device.label.isEmpty() ? tr("A tablet with no name") : device.label;
        const QString role = m_session->roleLabel(device.role).isEmpty() ? device.role : m_session->roleLabel(device.role);
        QString line = tr("%1, %2: %n note(s)", nullptr, device.received).arg(tablet, role);
        if (!device.missing.isEmpty()) {
            QStringList numbers;
            for (qint64 number : device.missing)
                numbers << QString::number(number);
            line += tr("; missing numbers %1").arg(numbers.join(QStringLiteral(", ")));
        }
        m_collectionReport << line;
        for (const QString &problem : device.problems)
            m_collectionReport << QStringLiteral("   ") + problem;
    }
    emit changed();
    m_session->markSyncChanged(); // the desk reads what arrived
    return true;
}

QString LeaderController::defaultRecoveryKitFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/Fieldnotes");
}

bool LeaderController::makeRecoveryKit(const QString &recoveryPassphrase, const QString &repeated, const QString &folder)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_makingKit)
        return false;
    if (recoveryPassphrase != repeated)
        return fail(tr("The two recovery passphrases differ."));
    QByteArray utf8 = recoveryPassphrase.toUtf8();
    SecureBytes passphrase = SecureBytes::copyOf(utf8.constData(), std::size_t(utf8.size()));
    sodium_memzero(utf8.data(), std::size_t(utf8.size()));
    if (auto usable = sync::checkRecoveryPassphrase(passphrase); !usable)
        return fail(usable.error().message);
    auto kit = sync::LeaderDesk(*vault).recoveryKit(m_session->reviewId());
    if (!kit)
        return fail(kit.error().message);
    m_kitReviewId = m_session->reviewId();
    m_makingKit = true;
    const QString directory = folder.isEmpty() ? defaultRecoveryKitFolder() : folder;
    const QString stem = QStringLiteral("%1/fieldnotes-recovery-kit-%2").arg(directory, kit->madeAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    // Argon2id at MODERATE takes a second and 256 MiB: never on the GUI thread.
    m_kitWriting.setFuture(QtConcurrent::run([kit = std::move(*kit), passphrase = std::move(passphrase), directory, stem]() mutable {
        WrittenKit written;
        auto sealed = sync::sealRecoveryKit(kit, passphrase);
        passphrase.wipe();
        if (!sealed) {
            written.error = sealed.error().message;
            return written;
        }
        QSaveFile file(stem + QStringLiteral(".fnkit"));
        if (!QDir().mkpath(directory) || !file.open(QIODevice::WriteOnly) || file.write(*sealed) != sealed->size() || !file.commit()) {
            written.error = tr("Cannot write the recovery kit in %1: %2").arg(directory, file.errorString());
            return written;
        }
        if (auto page = sync::writeRecoveryKitPage(*sealed, stem + QStringLiteral(".pdf")); !page) {
            written.error = page.error().message;
            return written;
        }
        written.sealed = *sealed;
        written.file = stem + QStringLiteral(".fnkit");
        written.page = stem + QStringLiteral(".pdf");
        return written;
    }));
    emit recoveryKitChanged();
    return true;
}

void LeaderController::onRecoveryKitWritten()
{
    m_makingKit = false;
    const WrittenKit written = m_kitWriting.result();
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!written.error.isEmpty()) {
        fail(written.error);
    } else if (!vault || m_session->reviewId() != m_kitReviewId) {
        fail(tr("The vault was locked before the recovery kit was recorded; it is in %1, but make another to be sure.").arg(written.file));
    } else if (auto recorded = sync::LeaderDesk(*vault).recordRecoveryKitKept(m_kitReviewId, written.sealed); !recorded) {
        fail(recorded.error().message);
    } else {
        m_recoveryKitFile = written.file;
        m_recoveryKitPage = written.page;
    }
    reload();
}

} // namespace fieldnotes::ui
