#include "qrcodescanner.h"

#include "enrolmentcode.h"
#include "qrcodereader.h"

#include <QtConcurrent/QtConcurrentRun>

namespace fieldnotes::ui {

QrCodeScanner::QrCodeScanner(QObject *parent) : QObject(parent)
{
    connect(&m_decoding, &QFutureWatcher<QString>::finished, this, &QrCodeScanner::onDecoded);
    setHint(tr("Hold the team leader's code inside the picture."));
}

QrCodeScanner::~QrCodeScanner()
{
    m_decoding.waitForFinished();
}

void QrCodeScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = sink;
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &QrCodeScanner::onFrame);
    emit videoSinkChanged();
}

void QrCodeScanner::restart()
{
    m_done = false;
    setHint(tr("Hold the team leader's code inside the picture."));
}

void QrCodeScanner::onFrame(const QVideoFrame &frame)
{
    if (m_done || m_decoding.isRunning() || !frame.isValid())
        return;
    // The frame is shared, not copied; toImage() maps it on the worker.
    m_decoding.setFuture(QtConcurrent::run([frame] { return readQrCode(frame.toImage()); }));
}

void QrCodeScanner::onDecoded()
{
    const QString text = m_decoding.result();
    ++m_framesRead;
    emit framesReadChanged();
    if (m_done || text.isEmpty())
        return;
    if (!sync::EnrolmentCode::fromText(text)) {
        setHint(tr("That QR code is not a Fieldnotes invitation: show the code on the team leader's page."));
        return;
    }
    m_done = true;
    setHint(tr("Code read."));
    emit found(text);
}

void QrCodeScanner::setHint(const QString &hint)
{
    if (m_hint == hint)
        return;
    m_hint = hint;
    emit hintChanged();
}

} // namespace fieldnotes::ui
