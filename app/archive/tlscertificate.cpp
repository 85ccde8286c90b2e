#include "tlscertificate.h"

#include <QFile>
#include <QProcess>
#include <QSslCipher>
#include <QSslKey>

namespace fieldnotes::archive {

namespace {
Result<void> generate(const QString &certificatePath, const QString &privateKeyPath, const QString &host)
{
    QString altNames = QStringLiteral("DNS:localhost,IP:127.0.0.1");
    if (host != QLatin1String("0.0.0.0") && host != QLatin1String("127.0.0.1"))
        altNames += QStringLiteral(",IP:") + host;
    // The key file exists, empty and 0600, before openssl writes the key into it: there is no
    // moment at which the key sits in a file others may read.
    {
        QFile key(privateKeyPath);
        if (!key.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
            return Error{ErrorCode::Io, QStringLiteral("cannot create %1: %2").arg(privateKeyPath, key.errorString())};
    }
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QString::number(certificateLifetimeDays), QStringLiteral("-subj"), QStringLiteral("/CN=fieldnotes-archive"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + altNames, QStringLiteral("-keyout"),
                   privateKeyPath, QStringLiteral("-out"), certificatePath});
    if (!openssl.waitForFinished(60'000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        QFile::remove(privateKeyPath);
        return Error{ErrorCode::Io, QStringLiteral("could not generate a TLS certificate with openssl: %1")
                                        .arg(QString::fromLocal8Bit(openssl.readAllStandardError()).trimmed())};
    }
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
    // Forward secrecy and authenticated encryption only: every TLS 1.3 suite, and in TLS 1.2 the
    // ECDHE suites with AES-GCM or ChaCha20-Poly1305. No CBC, no SHA-1 MACs, no PSK, no static RSA.
    QList<QSslCipher> ciphers;
    for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers()) {
        const QString name = cipher.name();
        const bool tls13 = name.startsWith(QLatin1String("TLS_"));
        const bool ecdheAead = name.startsWith(QLatin1String("ECDHE-")) && !name.contains(QLatin1String("PSK"))
                               && (name.contains(QLatin1String("GCM")) || name.contains(QLatin1String("CHACHA20")));
        if (tls13 || ecdheAead)
            ciphers << cipher;
    }
    configuration.setCiphers(ciphers);
    return configuration;
}

QString certificateFingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

} // namespace fieldnotes::archive
