#pragma once

#include <QDate>
#include <QString>

namespace fieldnotes {

/// A review week: what is reviewed and when.
struct Review {
    QString id;
    QString title;
    QDate startDate;
    QDate endDate;

    friend bool operator==(const Review &, const Review &) = default;
};

} // namespace fieldnotes
