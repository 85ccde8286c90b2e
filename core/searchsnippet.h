#pragma once

#include <QString>
#include <QStringList>

namespace fieldnotes {

/// The words a search looks for, folded the way the FTS5 index folds them (case and diacritics
/// ignored); the last word also matches as a prefix, as the search does.
class SearchTerms
{
public:
    explicit SearchTerms(const QString &query);

    bool isEmpty() const { return m_words.isEmpty(); }
    /// The FTS5 MATCH expression: every word quoted (so FTS5 syntax in input is plain text).
    QString matchExpression() const;
    /// A window of about `tokens` words of text around the first match, with each matching
    /// word wrapped in openMark and closeMark, and "…" where text was cut.
    QString snippet(const QString &text, const QString &openMark, const QString &closeMark, int tokens = 16) const;

private:
    bool matches(const QString &foldedWord) const;

    QStringList m_words;  // as typed
    QStringList m_folded; // case- and diacritic-folded
};

} // namespace fieldnotes
