// The real fieldnotes-archive process on 127.0.0.1: bad requests get a 4xx with a reason and
// the server keeps serving; slow clients are cut off; TLS with the printed fingerprint.
#include "archiveclient.h"
#include "archiveprocess.h"
#include "testvault.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;

namespace {
/// Sends raw bytes and returns everything the server answers before it closes or goes quiet.
QByteArray exchange(quint16 port, const QByteArray &request, int quietMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return "not connected";
    socket.write(request);
    socket.waitForBytesWritten(5000);
    QByteArray answer;
    const auto complete = [&answer] {
        const qsizetype headersEnd = answer.indexOf("\r\n\r\n");
        const auto length = QRegularExpression(QStringLiteral("Content-Length: (\\d+)"), QRegularExpression::CaseInsensitiveOption)
                                .match(QString::fromLatin1(answer.left(headersEnd)));
        return headersEnd >= 0 && length.hasMatch() && answer.size() - headersEnd - 4 >= length.captured(1).toLongLong();
    };
    while (!complete() && socket.waitForReadyRead(quietMs))
        answer += socket.readAll();
    return answer;
}

QByteArray post(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

const QByteArray health = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
} // namespace

class TestArchiveServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    QString m_passphraseFile;

    QStringList plainArguments(const QString &name, const QStringList &more = {})
    {
        return QStringList{QStringLiteral("--data"), m_directory.path() + QLatin1Char('/') + name, QStringLiteral("--passphrase-file"),
                           m_passphraseFile, QStringLiteral("--kdf"), QStringLiteral("interactive"), QStringLiteral("--plain-http")}
               + more;
    }
    static std::unique_ptr<test::ArchiveProcess> archiveWith(const QStringList &arguments)
    {
        return std::make_unique<test::ArchiveProcess>(QStringLiteral(FIELDNOTES_ARCHIVE), arguments);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        m_passphraseFile = test::writeArchivePassphrase(m_directory.path());
    }

    void badRequestsGetAFourHundredAndTheServerKeepsServing()
    {
        auto archive = archiveWith(plainArguments(QStringLiteral("bad"), {QStringLiteral("--max-body"), QStringLiteral("4096")}));
        QVERIFY2(archive->start(), qPrintable(archive->output()));
        const struct {
            QByteArray request;
            QByteArray status;
        } cases[] = {
            {"HELLO THERE\r\n\r\n", "HTTP/1.1 400"},
            {QByteArray(3000, 'A'), "HTTP/1.1 400"},
            {"GET /v1/health HTTP/1.1\r\nbroken header line\r\n\r\n", "HTTP/1.1 400"},
            {post("/v1/reviews", QByteArray(5000, '{')), "HTTP/1.1 413"},
            {"POST /v1/reviews HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", "HTTP/1.1 413"},
            {"POST /v1/reviews HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "HTTP/1.1 411"},
            {"GET /v1/health HTTP/1.1\r\nX: " + QByteArray(20000, 'x') + "\r\n\r\n", "HTTP/1.1 431"},
            {post("/v1/reviews", "{\"review\": \"\xff\xfe\"}"), "HTTP/1.1 40"},
            {post("/v1/reviews", "not json at all"), "HTTP/1.1 40"},
            {post("/v1/reviews/nope/envelopes", "{}"), "HTTP/1.1 404"},
        };
        for (const auto &badCase : cases) {
            const QByteArray answer = exchange(archive->port(), badCase.request);
            QVERIFY2(answer.startsWith(badCase.status), QByteArray(badCase.request.left(60) + " -> " + answer.left(120)).constData());
            QVERIFY2(answer.contains("\"error\""), answer.constData()); // a short reason, in JSON
            QVERIFY2(exchange(archive->port(), health).contains("\"ok\""), "the server stopped serving");
        }
        QVERIFY(archive->isRunning());
    }

    void aSilentOrSlowClientIsCutOff()
    {
        auto archive = archiveWith(plainArguments(QStringLiteral("slow"), {QStringLiteral("--idle-timeout"), QStringLiteral("1")}));
        QVERIFY2(archive->start(), qPrintable(archive->output()));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), archive->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /v1/reviews HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"half");
        QVERIFY(socket.waitForBytesWritten(5000));
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(10'000));
        QVERIFY2(elapsed.elapsed() < 8000, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(exchange(archive->port(), health).contains("\"ok\""));
    }

    void plainHttpOnlyOnLoopbackAndAWrongPassphraseStopsIt()
    {
        QProcess refused;
        refused.start(QStringLiteral(FIELDNOTES_ARCHIVE),
                      {QStringLiteral("--data"), m_directory.filePath(QStringLiteral("open")), QStringLiteral("--passphrase-file"),
                       m_passphraseFile, QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--plain-http")});
        QVERIFY(refused.waitForFinished(10'000));
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY(refused.readAllStandardError().contains("127.0.0.1 only"));

        QVERIFY(archiveWith(plainArguments(QStringLiteral("locked")))->start()); // creates it
        const QString wrong = m_directory.filePath(QStringLiteral("wrong"));
        QFile file(wrong);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not the passphrase\n");
        file.close();
        QStringList arguments = plainArguments(QStringLiteral("locked"));
        arguments[arguments.indexOf(m_passphraseFile)] = wrong;
        arguments << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
        QProcess locked;
        locked.start(QStringLiteral(FIELDNOTES_ARCHIVE), arguments);
        QVERIFY(locked.waitForFinished(30'000));
        QCOMPARE(locked.exitCode(), 3);
    }

    void configFileIsReadAndFlagsWin()
    {
        const QString config = m_directory.filePath(QStringLiteral("archive.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("# test archive\ndata = %1\npassphrase-file = %2\nlisten = 127.0.0.1:1\nplain-http = true\nkdf = interactive\n")
                       .arg(m_directory.filePath(QStringLiteral("configured")), m_passphraseFile)
                       .toUtf8());
        file.close();
        auto archive = archiveWith({QStringLiteral("--config"), config});
        QVERIFY2(archive->start(), qPrintable(archive->output()));
        QVERIFY(archive->port() != 1);
        QVERIFY(QFile::exists(m_directory.filePath(QStringLiteral("configured/archive.key"))));
        QVERIFY(exchange(archive->port(), health).contains("\"ok\""));
    }

    void tlsWithTheGeneratedCertificateAndItsFingerprintPinned()
    {
        QStringList arguments = plainArguments(QStringLiteral("tls"));
        arguments.removeAll(QStringLiteral("--plain-http"));
        auto archive = archiveWith(arguments);
        QVERIFY2(archive->start(), qPrintable(archive->output()));
        QCOMPARE(archive->fingerprint().size(), 64);
        QVERIFY(archive->output().contains(QStringLiteral("https://127.0.0.1:")));
        const QUrl url(archive->url());

        ArchiveClient pinned(url, archive->fingerprint(), DeviceIdentity{});
        const ArchiveReply ok = pinned.get(QStringLiteral("/v1/health"), false);
        QVERIFY2(ok.ok(), qPrintable(ok.error));

        QString other = archive->fingerprint();
        other[0] = other[0] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        ArchiveClient wrongPin(url, other, DeviceIdentity{});
        const ArchiveReply refused = wrongPin.get(QStringLiteral("/v1/health"), false);
        QCOMPARE(refused.status, 0);
        QVERIFY2(refused.error.contains(QStringLiteral("pinned")), qPrintable(refused.error));

        // Plain HTTP to the TLS port gets nothing that passes for an answer.
        QVERIFY(!exchange(archive->port(), health, 1500).contains("\"ok\""));
        QVERIFY(QFileInfo(m_directory.filePath(QStringLiteral("tls/tls-key.pem"))).permissions()
                == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    }
};

QTEST_GUILESS_MAIN(TestArchiveServer)
#include "tst_archiveserver.moc"
