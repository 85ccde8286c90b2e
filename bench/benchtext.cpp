#include "benchtext.h"

#include <QStringList>

#include <algorithm>

namespace fieldnotes {

QString benchNoteText(QRandomGenerator &random)
{
    QStringList words;
    if (random.bounded(10000) == 0)
        words << QStringLiteral("zeppelin");
    if (random.bounded(100) == 0)
        words << QStringLiteral("attendance");
    if (random.bounded(2) == 0)
        words << QStringLiteral("school");
    while (words.size() < 30)
        words << QStringLiteral("w%1").arg(random.bounded(3000));
    std::shuffle(words.begin(), words.end(), random);
    return words.join(QLatin1Char(' '));
}

} // namespace fieldnotes
