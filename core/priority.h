#pragma once

#include <QString>
#include <QStringList>

namespace fieldnotes {

/// A priority of the plan under review, with what the team will ask about it.
struct Priority {
    QString id;
    QString reviewId;
    QString title;
    QStringList linesOfEnquiry;
    QStringList suggestedQuestions;

    friend bool operator==(const Priority &, const Priority &) = default;
};

} // namespace fieldnotes
