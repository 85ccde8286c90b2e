#include "archiveprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace fieldnotes::test {

QString writeArchivePassphrase(const QString &directory)
{
    const QString path = directory + QStringLiteral("/archive-passphrase");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("archive passphrase\n") < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString issueReviewCode(const QString &archiveBinary, const QString &dataDirectory, const QString &passphraseFile)
{
    QProcess process;
    process.start(archiveBinary, {QStringLiteral("review-code"), QStringLiteral("--data"), dataDirectory, QStringLiteral("--passphrase-file"),
                                  passphraseFile, QStringLiteral("--kdf"), QStringLiteral("interactive")});
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        qFatal("review-code failed: %s", process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

ArchiveProcess::ArchiveProcess(QString binary, QStringList arguments, quint16 port)
    : m_binary(std::move(binary)), m_arguments(std::move(arguments)), m_port(port)
{
}

ArchiveProcess::~ArchiveProcess()
{
    kill();
}

QString ArchiveProcess::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(m_fingerprint.isEmpty() ? QStringLiteral("http") : QStringLiteral("https")).arg(m_port);
}

bool ArchiveProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(m_binary, m_arguments + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
    m_output.clear();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 30'000 && !m_output.contains(QStringLiteral("archive key"))) {
        if (!m_process->waitForReadyRead(500) && m_process->state() != QProcess::Running)
            break;
        m_output += QString::fromUtf8(m_process->readAll());
    }
    const auto listening = QRegularExpression(QStringLiteral("127\\.0\\.0\\.1:(\\d+)")).match(m_output);
    if (!m_output.contains(QStringLiteral("archive key")) || !listening.hasMatch())
        return false;
    m_port = static_cast<quint16>(listening.captured(1).toUInt());
    m_fingerprint = QRegularExpression(QStringLiteral("fingerprint: ([0-9a-f]{64})")).match(m_output).captured(1);
    return true;
}

void ArchiveProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10'000);
    }
}

} // namespace fieldnotes::test
