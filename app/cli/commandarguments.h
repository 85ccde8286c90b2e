#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace fieldnotes::cli {

/// The words after a command: --name value options (repeatable), --flags and positionals.
class CommandArguments
{
public:
    /// flagNames take no value; every other --name takes the next word.
    CommandArguments(const QStringList &words, const QSet<QString> &flagNames);

    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    QString value(const QString &name) const { return m_values.value(name).value(0); }
    QStringList values(const QString &name) const { return m_values.value(name); }
    bool has(const QString &name) const { return m_values.contains(name); }
    bool flag(const QString &name) const { return m_flags.contains(name); }
    const QStringList &positionals() const { return m_positionals; }
    /// The option names used that are not in allowed (for a clear usage error).
    QStringList unknownOptions(const QSet<QString> &allowed) const;

private:
    QHash<QString, QStringList> m_values;
    QSet<QString> m_flags;
    QStringList m_positionals;
    QString m_error;
};

} // namespace fieldnotes::cli
