#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// Reads the leader's invitation from the camera's frames: set `videoSink` to a VideoOutput's
/// sink. Frames are decoded off the GUI thread, one at a time; the ones that arrive meanwhile are
/// dropped, so a slow decoder never backs frames up or stalls the preview. `found` is emitted
/// once for the first Fieldnotes invitation read; a QR code that is not one says so in `hint`.
class QrCodeScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(QString hint READ hint NOTIFY hintChanged)
    Q_PROPERTY(int framesRead READ framesRead NOTIFY framesReadChanged)

public:
    explicit QrCodeScanner(QObject *parent = nullptr);
    ~QrCodeScanner() override;

    QVideoSink *videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink *sink);
    QString hint() const { return m_hint; }
    int framesRead() const { return m_framesRead; }

    /// Starts looking again after a code was found.
    Q_INVOKABLE void restart();

signals:
    void videoSinkChanged();
    void hintChanged();
    void framesReadChanged();
    void found(const QString &code);

private:
    void onFrame(const QVideoFrame &frame);
    void onDecoded();
    void setHint(const QString &hint);

    QPointer<QVideoSink> m_sink;
    QFutureWatcher<QString> m_decoding;
    QString m_hint;
    int m_framesRead = 0;
    bool m_done = false;
};

} // namespace fieldnotes::ui
