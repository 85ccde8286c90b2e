#include "archiveoptions.h"

#include <QFile>
#include <QHostAddress>

namespace fieldnotes::archive {

namespace {
Error bad(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

Result<void> apply(ArchiveOptions &options, const QString &name, const QString &value)
{
    bool ok = true;
    if (name == QLatin1String("data")) {
        options.dataDirectory = value;
    } else if (name == QLatin1String("listen")) {
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        const uint port = value.mid(colon + 1).toUInt(&ok);
        if (colon <= 0 || !ok || port > 65535 || QHostAddress(value.left(colon)).isNull())
            return bad(QStringLiteral("--listen wants HOST:PORT with a numeric host, e.g. 0.0.0.0:8443"));
        options.host = value.left(colon);
        options.port = static_cast<quint16>(port);
    } else if (name == QLatin1String("plain-http")) {
        options.plainHttp = value.isEmpty() || value == QLatin1String("true") || value == QLatin1String("1");
    } else if (name == QLatin1String("cert")) {
        options.certificatePath = value;
    } else if (name == QLatin1String("key")) {
        options.privateKeyPath = value;
    } else if (name == QLatin1String("passphrase-file")) {
        options.passphraseFile = value;
    } else if (name == QLatin1String("kdf")) {
        options.kdf = value;
    } else if (name == QLatin1String("max-body")) {
        options.maxBodyBytes = value.toLongLong(&ok);
        ok = ok && options.maxBodyBytes >= 1024;
    } else if (name == QLatin1String("idle-timeout")) {
        options.idleTimeoutSeconds = value.toInt(&ok);
        ok = ok && options.idleTimeoutSeconds >= 1;
    } else if (name == QLatin1String("request-timeout")) {
        options.requestTimeoutSeconds = value.toInt(&ok);
        ok = ok && options.requestTimeoutSeconds >= 1;
    } else if (name == QLatin1String("review-quota")) {
        options.reviewQuotaMiB = value.toInt(&ok);
        ok = ok && options.reviewQuotaMiB >= 1;
    } else if (name == QLatin1String("max-connections")) {
        options.maxConnections = value.toInt(&ok);
        ok = ok && options.maxConnections >= 1;
    } else if (name == QLatin1String("max-connections-per-peer")) {
        options.maxConnectionsPerPeer = value.toInt(&ok);
        ok = ok && options.maxConnectionsPerPeer >= 1;
    } else {
        return bad(QStringLiteral("unknown option '%1'").arg(name));
    }
    if (!ok)
        return bad(QStringLiteral("bad value for %1: '%2'").arg(name, value));
    return {};
}

Result<void> readConfig(ArchiveOptions &options, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return bad(QStringLiteral("cannot read the config file %1").arg(path));
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return bad(QStringLiteral("%1:%2: expected name = value").arg(path).arg(lineNumber));
        if (auto applied = apply(options, line.left(equals).trimmed(), line.mid(equals + 1).trimmed()); !applied)
            return bad(QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(applied.error().message));
    }
    return {};
}
} // namespace

QString ArchiveOptions::usage()
{
    return QStringLiteral(
        "usage: fieldnotes-archive --data DIR --passphrase-file FILE [--listen HOST:PORT] [--config FILE]\n"
        "                          [--cert PEM --key PEM] [--plain-http] [--kdf standard|moderate|interactive]\n"
        "                          [--max-body BYTES] [--idle-timeout SECONDS] [--request-timeout SECONDS]\n"
        "                          [--max-connections N] [--max-connections-per-peer N] [--review-quota MiB]\n"
        "       fieldnotes-archive review-code --data DIR --passphrase-file FILE [--hours N]\n"
        "       fieldnotes-archive backup --data DIR --passphrase-file FILE --output FILE   (while it serves)\n"
        "       fieldnotes-archive restore --backup FILE --data NEW_DIR --passphrase-file FILE\n"
        "                          (a one-time code a team leader needs to create a review here)\n"
        "HTTPS by default with a certificate generated on first start (its SHA-256 fingerprint is printed);\n"
        "--plain-http is for tests and only with --listen 127.0.0.1:PORT.\n");
}

Result<ArchiveOptions> ArchiveOptions::parse(const QStringList &arguments)
{
    ArchiveOptions options;
    // The config file first, so flags given beside it win.
    if (const qsizetype config = arguments.indexOf(QStringLiteral("--config")); config >= 0) {
        if (config + 1 >= arguments.size())
            return bad(QStringLiteral("--config needs a file"));
        if (auto read = readConfig(options, arguments[config + 1]); !read)
            return read.error();
    }
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!argument.startsWith(QLatin1String("--")))
            return bad(QStringLiteral("unexpected argument '%1'").arg(argument));
        const QString name = argument.mid(2);
        if (name == QLatin1String("plain-http")) {
            options.plainHttp = true;
            continue;
        }
        if (i + 1 >= arguments.size())
            return bad(QStringLiteral("%1 needs a value").arg(argument));
        const QString value = arguments[++i];
        if (name == QLatin1String("config"))
            continue;
        if (auto applied = apply(options, name, value); !applied)
            return applied.error();
    }
    if (options.dataDirectory.isEmpty())
        return bad(QStringLiteral("--data DIR is required"));
    if (options.passphraseFile.isEmpty())
        return bad(QStringLiteral("--passphrase-file FILE is required"));
    if (options.plainHttp && options.host != QLatin1String("127.0.0.1"))
        return bad(QStringLiteral("--plain-http binds to 127.0.0.1 only"));
    if (options.certificatePath.isEmpty() != options.privateKeyPath.isEmpty())
        return bad(QStringLiteral("--cert and --key go together"));
    return options;
}

} // namespace fieldnotes::archive
