#pragma once

#include "notekind.h"
#include "passphrasekdf.h"
#include "securebytes.h"
#include "vault.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fieldnotes::test {

/// Real Argon2id at its smallest settings, so that tests creating many vaults stay quick.
KdfParameters fastKdf();
VaultOptions fastOptions(Clock clock = systemClock());

SecureBytes secret(const char *text);

/// SHA-256 of every file in a directory, by file name.
QMap<QString, QByteArray> fileDigests(const QString &directory);

/// A vault in a fresh temporary directory with one review, priority and engagement.
struct ScratchVault {
    QTemporaryDir directory;
    std::unique_ptr<Vault> vault;
    QString reviewId;
    QString priorityId;
    QString engagementId;

    explicit ScratchVault(VaultOptions options = fastOptions());
    QString path() const { return directory.path() + QStringLiteral("/vault"); }
    /// A draft of the given kind and text in the scratch engagement, signed.
    QString addSignedNote(const QString &text, NoteKind kind = NoteKind::Statement);
};

} // namespace fieldnotes::test
