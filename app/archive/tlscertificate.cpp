#include "tlscertificate.h"

#include <QFile>
#include <QProcess>
#include <QSslKey>

namespace fieldnotes::archive {

namespace {
Result<void> generate(const QString &certificatePath, const QString &privateKeyPath, const QString &host)
{
    QString altNames = QStringLiteral("DNS:localhost,IP:127.0.0.1");
    if (host != QLatin1String("0.0.0.0") && host != QLatin1String("127.0.0.1"))
        altNames += QStringLiteral(",IP:") + host;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"), QStringLiteral("/CN=fieldnotes-archive"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + altNames, QStringLiteral("-keyout"),
                   privateKeyPath, QStringLiteral("-out"), certificatePath});
    if (!openssl.waitForFinished(60'000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return Error{ErrorCode::Io, QStringLiteral("could not generate a TLS certificate with openssl: %1")
                                        .arg(QString::fromLocal8Bit(openssl.readAllStandardError()).trimmed())};
    QFile::setPermissions(privateKeyPath, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}
} // namespace

Result<QSslConfiguration> loadOrCreateTlsIdentity(const QString &certificatePath, const QString &privateKeyPath, const QString &host)
{
    if (!QFile::exists(certificatePath) && !QFile::exists(privateKeyPath)) {
        if (auto generated = generate(certificatePath, privateKeyPath, host); !generated)
            return generated.error();
    }
    QFile certificateFile(certificatePath);
    QFile keyFile(privateKeyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1 or %2").arg(certificatePath, privateKeyPath)};
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) // a supplied certificate may well have an RSA key
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 or %2 is not a PEM certificate and private key").arg(certificatePath, privateKeyPath)};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QString certificateFingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

} // namespace fieldnotes::archive
