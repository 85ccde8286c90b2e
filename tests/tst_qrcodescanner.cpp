// Joining by the camera: the scanner reads the leader's invitation from video frames, as a
// VideoOutput's sink delivers them. There is no camera on this machine, so the frames are made
// from pictures of the leader's own QR code and pushed into a real QVideoSink; everything after
// the sink (frame mapping, decoding off the GUI thread, dropping frames while busy) is the app's.
#include "enrolmentcode.h"
#include "leadercontroller.h"
#include "qrcodescanner.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <cstring>

using namespace fieldnotes;
using namespace fieldnotes::ui;

namespace {

QImage qrCode(const QString &text)
{
    const QString url = LeaderController::qrCodeDataUrl(text);
    QImage code;
    code.loadFromData(QByteArray::fromBase64(url.mid(22).toLatin1()), "PNG");
    return code;
}

/// A camera frame of `picture`: 640x480 BGRA, the code small, tilted and off-centre, as a hand holds it.
QVideoFrame cameraFrame(const QImage &picture)
{
    QImage scene(640, 480, QImage::Format_ARGB32);
    scene.fill(QColor(120, 118, 110));
    if (!picture.isNull()) {
        QPainter painter(&scene);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.translate(360, 250);
        painter.rotate(-9);
        painter.drawImage(QRectF(-170, -170, 340, 340), picture);
    }
    QVideoFrame frame(QVideoFrameFormat(scene.size(), QVideoFrameFormat::Format_BGRA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < scene.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), scene.constScanLine(y), size_t(scene.width()) * 4);
    frame.unmap();
    return frame;
}

QString invitation()
{
    sync::EnrolmentCode code;
    code.archiveUrl = QStringLiteral("https://192.168.1.20:8443");
    code.fingerprint = QString(64, QLatin1Char('a'));
    code.reviewId = QStringLiteral("9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e");
    code.leaderKey = QByteArray(32, '\x11');
    code.leaderBoxKey = QByteArray(32, '\x22');
    code.token = QByteArray(32, '\x33');
    return code.toText();
}

} // namespace

class TestQrCodeScanner : public QObject
{
    Q_OBJECT

private slots:
    void theInvitationIsReadFromCameraFrames()
    {
        QVideoSink sink;
        QrCodeScanner scanner;
        scanner.setVideoSink(&sink);
        QSignalSpy found(&scanner, &QrCodeScanner::found);
        QVERIFY(found.isValid());

        // Frames without a code: read, nothing found, and the scanner keeps looking. (Each
        // frame is a new one, as from a camera: a sink ignores the same frame set twice.)
        for (int i = 0; i < 3; ++i) {
            const int before = scanner.framesRead();
            sink.setVideoFrame(cameraFrame({}));
            QTRY_VERIFY(scanner.framesRead() > before);
        }
        QCOMPARE(found.count(), 0);

        // Someone else's QR code: said so, still nothing found.
        sink.setVideoFrame(cameraFrame(qrCode(QStringLiteral("https://example.invalid/menu"))));
        QTRY_VERIFY(scanner.hint().contains(QStringLiteral("not a Fieldnotes invitation")));
        QCOMPARE(found.count(), 0);

        // The leader's invitation: found once, with the exact text, however many frames follow.
        const QString text = invitation();
        QVERIFY(sync::EnrolmentCode::fromText(text).ok());
        const QImage code = qrCode(text);
        sink.setVideoFrame(cameraFrame(code));
        QTRY_COMPARE(found.count(), 1);
        QCOMPARE(found.at(0).at(0).toString(), text);
        const int afterFound = scanner.framesRead();
        for (int i = 0; i < 5; ++i)
            sink.setVideoFrame(cameraFrame(code));
        QTest::qWait(200);
        QCOMPARE(found.count(), 1);
        QCOMPARE(scanner.framesRead(), afterFound); // once found, frames are no longer decoded

        scanner.restart();
        sink.setVideoFrame(cameraFrame(code));
        QTRY_COMPARE(found.count(), 2);
    }

    // A camera delivers frames far faster than a QR code decodes on a slow tablet: frames that
    // arrive while one is being decoded are dropped, never queued.
    void framesArrivingWhileDecodingAreDropped()
    {
        QVideoSink sink;
        QrCodeScanner scanner;
        scanner.setVideoSink(&sink);
        for (int i = 0; i < 200; ++i)
            sink.setVideoFrame(cameraFrame({}));
        QTRY_VERIFY(scanner.framesRead() >= 1);
        QTest::qWait(500);
        QCOMPARE(scanner.framesRead(), 1); // the first was decoded; the 199 behind it were dropped
    }
};

QTEST_MAIN(TestQrCodeScanner)
#include "tst_qrcodescanner.moc"
