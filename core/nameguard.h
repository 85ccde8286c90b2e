#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace fieldnotes {

/// A word in a note that looks like a person's name.
struct SuspectedName {
    QString word;
    qsizetype position = 0;
    enum class Why { Watched, AfterTitle, FullName, BeforeSpeechVerb, MidSentence, GivenName, DescribedByAge } why = Why::MidSentence;

    friend bool operator==(const SuspectedName &, const SuspectedName &) = default;
};

/// The non-attribution guard: finds words that seem to name a person, so the author can refer
/// to a role instead before signing. A heuristic (capitalised words that do not start a
/// sentence, words after a title, capitalised pairs, a capitalised word before "said", a word
/// followed by an age or a school year, and common given names in any case) plus a per-review
/// list of names to watch for; places ("Meadow Lane Primary", "St Mary's"), organisations, roles
/// and acronyms ("SENCo", "CAMHS") are not names. It suggests; it never blocks. Its hit and
/// false-alarm rates on real cases are in the README (tests/data/nameguard-cases.tsv).
QList<SuspectedName> findSuspectedNames(const QString &text, const QStringList &watchedNames = {});

} // namespace fieldnotes
