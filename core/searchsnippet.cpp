#include "searchsnippet.h"

#include <QRegularExpression>

#include <algorithm>

namespace fieldnotes {

namespace {
QString fold(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_SpacingCombining && c.category() != QChar::Mark_Enclosing)
            folded.append(c);
    return folded.toCaseFolded();
}

const QRegularExpression &wordPattern()
{
    static const QRegularExpression pattern(QStringLiteral("[\\p{L}\\p{N}\\p{Co}]+"), QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}
} // namespace

SearchTerms::SearchTerms(const QString &query)
{
    m_words = query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : std::as_const(m_words)) {
        auto tokens = wordPattern().globalMatch(word);
        while (tokens.hasNext())
            m_folded << fold(tokens.next().captured());
    }
}

QString SearchTerms::matchExpression() const
{
    QStringList terms;
    for (const QString &word : m_words) {
        QString escaped = word;
        escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms << QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    if (!terms.isEmpty())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

bool SearchTerms::matches(const QString &foldedWord) const
{
    for (qsizetype i = 0; i < m_folded.size(); ++i) {
        const bool last = i == m_folded.size() - 1;
        if (last ? foldedWord.startsWith(m_folded[i]) : foldedWord == m_folded[i])
            return true;
    }
    return false;
}

QString SearchTerms::snippet(const QString &text, const QString &openMark, const QString &closeMark, int tokens) const
{
    struct Token {
        qsizetype start;
        qsizetype end;
        bool hit;
    };
    QList<Token> words;
    auto it = wordPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        words << Token{match.capturedStart(), match.capturedEnd(), matches(fold(match.captured()))};
    }
    if (words.isEmpty())
        return text.left(200);
    const auto firstHit = std::find_if(words.cbegin(), words.cend(), [](const Token &t) { return t.hit; });
    const qsizetype hitIndex = firstHit == words.cend() ? 0 : firstHit - words.cbegin();
    const qsizetype first = std::max<qsizetype>(0, std::min<qsizetype>(hitIndex - tokens / 4, words.size() - tokens));
    const qsizetype last = std::min<qsizetype>(words.size(), first + tokens) - 1;

    QString out;
    if (first > 0)
        out += QStringLiteral("…");
    qsizetype position = first > 0 ? words[first].start : 0;
    for (qsizetype i = first; i <= last; ++i) {
        out += QStringView(text).mid(position, words[i].start - position);
        const QStringView word = QStringView(text).mid(words[i].start, words[i].end - words[i].start);
        if (words[i].hit)
            out += openMark + word + closeMark;
        else
            out += word;
        position = words[i].end;
    }
    if (last < words.size() - 1)
        out += QStringLiteral("…");
    else
        out += QStringView(text).mid(position);
    return out;
}

} // namespace fieldnotes
