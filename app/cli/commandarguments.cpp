#include "commandarguments.h"

namespace fieldnotes::cli {

CommandArguments::CommandArguments(const QStringList &words, const QSet<QString> &flagNames)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!word.startsWith(QLatin1String("--")) || word == QLatin1String("--")) {
            m_positionals << word;
            continue;
        }
        const QString name = word.mid(2);
        if (flagNames.contains(name)) {
            m_flags.insert(name);
        } else if (i + 1 < words.size()) {
            m_values[name] << words.at(++i);
        } else {
            m_error = QStringLiteral("option --%1 needs a value").arg(name);
            return;
        }
    }
}

QStringList CommandArguments::unknownOptions(const QSet<QString> &allowed) const
{
    QStringList unknown;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        if (!allowed.contains(it.key()))
            unknown << QStringLiteral("--") + it.key();
    for (const QString &name : m_flags)
        if (!allowed.contains(name))
            unknown << QStringLiteral("--") + name;
    return unknown;
}

} // namespace fieldnotes::cli
