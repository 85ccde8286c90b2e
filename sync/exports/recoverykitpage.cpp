#include "recoverykitpage.h"

#include "syncencoding.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScopeGuard>
#include <QTextOption>

#include <qrencode.h>

namespace fieldnotes::sync {

Result<void> writeRecoveryKitPage(const QByteArray &kit, const QString &path)
{
    auto label = readRecoveryKitLabel(kit);
    if (!label)
        return label.error();
    const QByteArray text = kit.trimmed();
    QRcode *code = QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char *>(text.constData()), 0, QR_ECLEVEL_M);
    if (!code)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the kit does not fit in a QR code")};
    const auto release = qScopeGuard([code] { QRcode_free(code); });

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter));
        writer.setTitle(QStringLiteral("Fieldnotes recovery kit"));
        writer.setCreator(QStringLiteral("Fieldnotes"));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{ErrorCode::Io, QStringLiteral("cannot start the PDF")};
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        const double mm = writer.resolution() / 25.4;
        double y = 0;
        const auto paragraph = [&](const QString &words, const QFont &font, double gapAfter) {
            painter.setFont(font);
            QTextOption option;
            option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            const QRectF bounds = painter.boundingRect(QRectF(0, y, page.width(), page.height()), words, option);
            painter.drawText(QRectF(0, y, page.width(), bounds.height()), words, option);
            y += bounds.height() + gapAfter * mm;
        };
        QFont heading(QStringLiteral("DejaVu Sans"), 18, QFont::Bold);
        QFont body(QStringLiteral("DejaVu Sans"), 10);
        QFont mono(QStringLiteral("DejaVu Sans Mono"), 7);
        paragraph(QStringLiteral("Fieldnotes recovery kit"), heading, 3);
        paragraph(QStringLiteral("Review %1 · review key %2… · made %3 UTC")
                      .arg(label->reviewId, toHex(label->reviewKey).left(16), label->madeAt.toString(QStringLiteral("d MMMM yyyy HH:mm"))),
                  body, 3);
        paragraph(QStringLiteral("This page holds the review's keys, sealed under the recovery passphrase. If the team leader's tablet "
                                 "is lost, stolen or broken, a new tablet takes the review on with this page and that passphrase, and "
                                 "collects every note again from the archive. Keep the page and the passphrase apart from the tablet and "
                                 "from each other: with both, anyone can act as the team leader."),
                  body, 3);
        paragraph(QStringLiteral("To restore: scan the code (or type the text below) into a file kit.json, then run "
                                 "fieldnotes-cli --vault NEW leader restore --kit kit.json"),
                  body, 6);

        // The code, with the quiet zone of four modules the standard asks for.
        const int modules = code->width + 8;
        const double side = std::min(page.width() * 0.7, page.height() - y - 70 * mm);
        const double module = side / modules;
        const QRectF square((page.width() - side) / 2, y, side, side);
        painter.fillRect(square, Qt::white);
        for (int row = 0; row < code->width; ++row)
            for (int column = 0; column < code->width; ++column)
                if (code->data[row * code->width + column] & 1)
                    painter.fillRect(QRectF(square.left() + (column + 4) * module, square.top() + (row + 4) * module, module, module), Qt::black);
        y += side + 6 * mm;
        paragraph(QString::fromLatin1(text), mono, 0);
        if (!painter.end())
            return Error{ErrorCode::Io, QStringLiteral("the PDF could not be finished")};
    }
    QSaveFile file(path); // nothing at `path` until the whole page is written
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace fieldnotes::sync
