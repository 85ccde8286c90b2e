#include "reviewreport.h"

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace fieldnotes::sync {

Result<QByteArray> reportPdf(const ReviewReport &report)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 22), QPageLayout::Millimeter));
        writer.setTitle(report.title + QStringLiteral(": review report"));
        writer.setCreator(QStringLiteral("Fieldnotes"));

        QTextDocument document;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(10);
        document.setDefaultFont(font);
        document.setDocumentMargin(0);
        document.setHtml(QString::fromUtf8(reportHtml(report)));

        // The document is laid out in points (1/72 in) on the page's printable area, less a strip
        // for the page number; the painter draws in the writer's 300 dpi units.
        const QRectF printable = writer.pageLayout().paintRectPixels(writer.resolution());
        const double scale = writer.resolution() / 72.0;
        const double footer = 14 * scale;
        const QSizeF pageInPoints(printable.width() / scale, (printable.height() - footer) / scale);
        document.setPageSize(pageInPoints);
        const int pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            return Error{ErrorCode::Io, QStringLiteral("cannot start the PDF")};
        QFont numberFont = font;
        numberFont.setPointSizeF(9);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            painter.save();
            painter.scale(scale, scale);
            painter.translate(0, -page * pageInPoints.height());
            document.drawContents(&painter, QRectF(QPointF(0, page * pageInPoints.height()), pageInPoints));
            painter.restore();
            painter.setFont(numberFont);
            painter.drawText(QRectF(0, printable.height() - footer, printable.width(), footer), Qt::AlignCenter | Qt::AlignBottom,
                             QStringLiteral("%1 · page %2 of %3").arg(report.title).arg(page + 1).arg(pages));
        }
        if (!painter.end())
            return Error{ErrorCode::Io, QStringLiteral("the PDF could not be finished")};
    }
    return bytes;
}

Result<void> writeReportPdf(const ReviewReport &report, const QString &path)
{
    auto pdf = reportPdf(report);
    if (!pdf)
        return pdf.error();
    QSaveFile file(path); // nothing at `path` until the whole PDF is written
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace fieldnotes::sync
