#include "nameguard.h"

#include <QRegularExpression>
#include <QSet>

namespace fieldnotes {

namespace {
// Capitalised words that are not people: sentence fillers, calendar words, and the
// organisations and roles a review of children's services talks about all the time.
const QSet<QString> &notNames()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        const char *const list[] = {
            "I", "I'm", "I've", "I'd", "I'll", "The", "A", "An", "This", "That", "These", "Those", "It", "They", "We", "He", "She",
            "There", "Their", "Our", "When", "Where", "What", "Why", "How", "Who", "If", "But", "And", "So", "Some", "All", "Most",
            "Many", "No", "Yes", "OK", "Also", "Then", "After", "Before", "During", "In", "On", "At", "For", "With", "By", "From",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
            "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter",
            "Trust", "Trust's", "Council", "County", "District", "Board", "Plan", "Big", "Children", "Children's", "Young", "People",
            "People's", "Services", "Service", "School", "Schools", "Academy", "College", "Centre", "Center", "Team", "Group",
            "Partnership", "Committee", "Scrutiny", "Health", "Care", "Social", "Youth", "Family", "Families", "Early", "Help",
            "Inspectors", "Inspector", "Review", "Reviewer", "Reviewers", "Leader", "Officer", "Officers", "Lead", "Head",
            "Manager", "Director", "Chair", "Executive", "Government", "Ofsted", "Tellus", "England", "English", "Year", "Term",
            "Quarter", "Report", "Programme", "Priority", "Action", "Strategy", "Parent", "Parents", "Carer", "Carers", "Pupil",
            "Pupils", "Student", "Students", "Teacher", "Teachers", "Staff", "Nurse", "Doctor", "GP", "Police", "Local", "Authority",
        };
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

bool isTitle(const QString &word)
{
    static const QSet<QString> titles{QStringLiteral("Mr"), QStringLiteral("Mrs"), QStringLiteral("Ms"), QStringLiteral("Miss"),
                                      QStringLiteral("Mx"), QStringLiteral("Dr"), QStringLiteral("Cllr"), QStringLiteral("Councillor"),
                                      QStringLiteral("Prof"), QStringLiteral("Professor"), QStringLiteral("Sir"), QStringLiteral("Dame"),
                                      QStringLiteral("Lady"), QStringLiteral("Lord")};
    QString bare = word;
    if (bare.endsWith(QLatin1Char('.')))
        bare.chop(1);
    return titles.contains(bare);
}

bool isSpeechVerb(const QString &word)
{
    static const QSet<QString> verbs{QStringLiteral("said"), QStringLiteral("says"), QStringLiteral("told"), QStringLiteral("tells"),
                                     QStringLiteral("explained"), QStringLiteral("felt"), QStringLiteral("feels"), QStringLiteral("thinks"),
                                     QStringLiteral("thought"), QStringLiteral("mentioned"), QStringLiteral("reported"),
                                     QStringLiteral("described"), QStringLiteral("stated"), QStringLiteral("asked"), QStringLiteral("claimed"),
                                     QStringLiteral("added"), QStringLiteral("noted"), QStringLiteral("argued"), QStringLiteral("agreed")};
    return verbs.contains(word.toLower());
}

// Capitalised with lower-case after (not an acronym like CAMHS, not Q3).
bool looksCapitalised(const QString &word)
{
    if (word.size() < 2 || !word.at(0).isUpper())
        return false;
    bool hasLower = false;
    for (qsizetype i = 1; i < word.size(); ++i) {
        if (word.at(i).isDigit())
            return false;
        hasLower = hasLower || word.at(i).isLower();
    }
    return hasLower;
}

// "Kevin's" is checked as "Kevin".
QString withoutPossessive(QString word)
{
    if (word.size() > 2 && word.back() == QLatin1Char('s') && (word.at(word.size() - 2) == QLatin1Char('\'') || word.at(word.size() - 2) == QChar(0x2019)))
        word.chop(2);
    return word;
}

bool breaksSentence(QStringView gap)
{
    static const QString breaks = QStringLiteral(".!?:;\n\"“(");
    return std::any_of(gap.begin(), gap.end(), [](QChar c) { return breaks.contains(c); });
}

struct Word {
    QString text;
    qsizetype position;
    bool startsSentence;
};
} // namespace

QList<SuspectedName> findSuspectedNames(const QString &text, const QStringList &watchedNames)
{
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}][\\p{L}\\p{N}'’-]*\\.?"),
                                                QRegularExpression::UseUnicodePropertiesOption);
    QList<Word> words;
    auto it = wordPattern.globalMatch(text);
    qsizetype previousEnd = 0;
    while (it.hasNext()) {
        const auto match = it.next();
        QString word = match.captured();
        // A trailing full stop belongs to the word only for titles ("Dr.").
        const bool endsWithStop = word.endsWith(QLatin1Char('.'));
        if (endsWithStop && !isTitle(word))
            word.chop(1);
        const bool startsSentence = words.isEmpty() || breaksSentence(QStringView(text).mid(previousEnd, match.capturedStart() - previousEnd))
            || (!words.isEmpty() && words.last().text.endsWith(QLatin1Char('.')) && !isTitle(words.last().text));
        words << Word{word, match.capturedStart(), startsSentence};
        previousEnd = match.capturedStart() + word.size();
    }

    QList<SuspectedName> found;
    const auto add = [&found](const Word &word, SuspectedName::Why why) {
        for (const SuspectedName &existing : std::as_const(found))
            if (existing.position == word.position)
                return;
        found << SuspectedName{withoutPossessive(word.text), word.position, why};
    };

    QSet<QString> watched;
    for (const QString &name : watchedNames)
        for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            watched.insert(part.toCaseFolded());

    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &word = words[i];
        const QString bare = withoutPossessive(word.text);
        if (watched.contains(bare.toCaseFolded())) {
            add(word, SuspectedName::Why::Watched);
            continue;
        }
        if (!looksCapitalised(bare) || notNames().contains(bare) || notNames().contains(word.text) || isTitle(word.text))
            continue;
        const bool afterTitle = i > 0 && isTitle(words[i - 1].text);
        const bool nextCapitalised = i + 1 < words.size() && !words[i + 1].startsSentence && looksCapitalised(words[i + 1].text)
            && !notNames().contains(words[i + 1].text);
        const bool previousCapitalised = i > 0 && !word.startsSentence && looksCapitalised(words[i - 1].text)
            && !notNames().contains(words[i - 1].text) && !isTitle(words[i - 1].text);
        const bool beforeSpeech = i + 1 < words.size() && isSpeechVerb(words[i + 1].text);
        if (afterTitle)
            add(word, SuspectedName::Why::AfterTitle);
        else if (nextCapitalised || previousCapitalised)
            add(word, SuspectedName::Why::FullName);
        else if (beforeSpeech)
            add(word, SuspectedName::Why::BeforeSpeechVerb);
        else if (!word.startsSentence)
            add(word, SuspectedName::Why::MidSentence);
    }
    return found;
}

} // namespace fieldnotes
