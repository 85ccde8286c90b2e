#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace fieldnotes::test {

/// Writes the archive passphrase used by the tests into directory/archive-passphrase.
QString writeArchivePassphrase(const QString &directory);

/// `fieldnotes-archive review-code` on a data directory: a one-time review-creation code.
QString issueReviewCode(const QString &archiveBinary, const QString &dataDirectory, const QString &passphraseFile);

/// The real fieldnotes-archive process on 127.0.0.1. Port 0 picks a free port on first start;
/// later starts reuse it, so the archive can be killed and started again in place.
class ArchiveProcess
{
public:
    /// arguments: everything but --listen (added here).
    ArchiveProcess(QString binary, QStringList arguments, quint16 port = 0);
    ~ArchiveProcess();

    /// Starts it and waits until it says it listens; false (with output() saying why) otherwise.
    bool start();
    /// SIGKILL, and waits for it to be gone.
    void kill();

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    QString url() const;
    QString fingerprint() const { return m_fingerprint; }
    QString output() const { return m_output; }

private:
    QString m_binary;
    QStringList m_arguments;
    quint16 m_port;
    QString m_fingerprint;
    QString m_output;
    std::unique_ptr<QProcess> m_process;
};

} // namespace fieldnotes::test
