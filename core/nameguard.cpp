#include "nameguard.h"

#include "givennames.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>

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
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays",
            "Thursdays", "Fridays", "Saturdays", "Sundays", "January", "February", "March", "April",
            "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter",
            "Trust", "Trust's", "Council", "County", "District", "Board", "Plan", "Big", "Children", "Children's", "Young", "People",
            "People's", "Services", "Service", "School", "Schools", "Academy", "College", "Centre", "Center", "Team", "Group",
            "Partnership", "Committee", "Scrutiny", "Health", "Care", "Social", "Youth", "Family", "Families", "Early", "Help",
            "Inspectors", "Inspector", "Review", "Reviewer", "Reviewers", "Leader", "Officer", "Officers", "Lead", "Head",
            "Manager", "Director", "Chair", "Executive", "Government", "Ofsted", "Tellus", "England", "English", "Year", "Term",
            "Quarter", "Report", "Programme", "Priority", "Action", "Strategy", "Parent", "Parents", "Carer", "Carers", "Pupil",
            "Pupils", "Student", "Students", "Teacher", "Teachers", "Staff", "Nurse", "Doctor", "GP", "Police", "Local", "Authority",
            "Boys", "Girls", "Kids", "Babies", "Toddlers", "Teenagers", "Siblings", "Mum", "Mums", "Dad", "Dads", "Grandparents",
            "Deputy", "Governor", "Governors", "Principal", "Caseworker", "Coordinator", "Co-ordinator", "Safeguarding",
            "Designated", "Virtual", "Mental", "Special", "Needs", "Educational", "Assistant", "Worker", "Workers", "Practitioner",
            "Practitioners", "Visitor", "Visitors", "Mentor", "Mentors", "Volunteer", "Volunteers", "Sergeant", "Constable",
        };
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

// Words that make a run of capitalised words a place or an institution, not a person:
// "Meadow Lane Primary", "Victoria Road", "Riverside Children's Centre".
bool isPlaceWord(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        const char *const list[] = {
            "Lane", "Road", "Street", "Avenue", "Close", "Drive", "Way", "Crescent", "Place", "Square", "Gardens", "Grove", "Park",
            "Green", "Hill", "Rise", "Terrace", "Court", "Estate", "Village", "Town", "City", "Farm", "Hall", "House", "Church",
            "Chapel", "Mosque", "Temple", "Library", "Hospital", "Surgery", "Clinic", "Station", "Primary", "Secondary", "Infant",
            "Infants", "Junior", "Juniors", "Nursery", "High", "Grammar", "Academy", "School", "College", "University", "Centre",
            "Center", "Hub", "Unit", "Ward", "Trust", "Council", "Borough", "County", "Foundation", "Project", "Club",
            "Service", "Services", "Team", "Partnership", "Board", "Agency", "Department", "Office", "Network", "Forum", "Panel",
        };
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words.contains(word);
}

// A single capitalised word shaped like an English place name: "Hillside", "Brookfield", "Ashford".
bool looksLikePlaceName(const QString &word)
{
    static const char *const endings[] = {"field", "side", "wood", "brook", "bridge", "ford", "bury", "borough", "ham", "ton", "worth",
                                          "minster", "mouth", "gate", "dale", "vale", "moor", "wick", "stead", "well", "croft"};
    const QString lower = word.toLower();
    return std::any_of(std::begin(endings), std::end(endings),
                       [&](const char *ending) { return lower.size() > qsizetype(std::strlen(ending)) + 2 && lower.endsWith(QLatin1String(ending)); });
}

// A saint's name is a place's: "St Mary's", "St. John's".
bool isSaint(const QString &word)
{
    return word == QLatin1String("St") || word == QLatin1String("St.");
}

struct GivenNames {
    QSet<QString> any;         // flagged in any case
    QSet<QString> capitalised; // also everyday words: flagged only with a capital
};

const GivenNames &givenNames()
{
    static const GivenNames names = [] {
        GivenNames parsed;
        for (const QString &line : QString::fromUtf8(givenNamesText()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString name = line.trimmed();
            if (name.isEmpty() || name.startsWith(QLatin1Char('#')))
                continue;
            if (name.startsWith(QLatin1Char('~')))
                parsed.capitalised.insert(name.mid(1));
            else
                parsed.any.insert(name);
        }
        return parsed;
    }();
    return names;
}

// "Jamie, aged 7", "Ellie from year 8", "Sam (12)", "Ali in Year 9": someone described by age or class.
bool describedByAge(const QString &text, qsizetype afterWord)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(,?\\s*(aged|age)\\s+\\d|\\s*\\(\\s*\\d{1,2}\\s*\\)|,\\s*\\d{1,2}\\s*,|,?\\s+(from|in)\\s+year\\s*\\d)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(QStringView(text).mid(afterWord)).hasMatch();
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

// Capitalised with lower-case after: not an acronym (CAMHS, SENCo, GCSEs), not a code (Q3). A
// capital after Mc, Mac, O' or a hyphen is still a name's (McDonald, O'Brien, Smith-Jones).
bool looksCapitalised(const QString &word)
{
    if (word.size() < 2 || !word.at(0).isUpper())
        return false;
    bool hasLower = false;
    for (qsizetype i = 1; i < word.size(); ++i) {
        const QChar c = word.at(i);
        if (c.isDigit())
            return false;
        if (c.isUpper()) {
            const QStringView before = QStringView(word).left(i);
            const bool namePrefix = before == u"Mc" || before == u"Mac" || before.endsWith(u'\'') || before.endsWith(QChar(0x2019))
                || before.endsWith(u'-');
            if (!namePrefix)
                return false;
        }
        hasLower = hasLower || c.isLower();
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

    // Runs of capitalised words (within a sentence) that name a place or an institution.
    QList<bool> inPlace(words.size(), false);
    for (qsizetype first = 0; first < words.size();) {
        qsizetype last = first;
        const auto capitalised = [&](qsizetype i) { return looksCapitalised(withoutPossessive(words[i].text)) || isSaint(words[i].text); };
        if (!capitalised(first)) {
            ++first;
            continue;
        }
        while (last + 1 < words.size() && !words[last + 1].startsSentence && capitalised(last + 1))
            ++last;
        // ... or one followed by a place word in lower case: "the Sure Start centre", "Oakfield school".
        bool place = last + 1 < words.size() && !words[last + 1].startsSentence && words[last + 1].text.at(0).isLower()
            && isPlaceWord(words[last + 1].text.at(0).toUpper() + words[last + 1].text.mid(1));
        for (qsizetype i = first; i <= last; ++i)
            place = place || isPlaceWord(withoutPossessive(words[i].text)) || isSaint(words[i].text);
        for (qsizetype i = first; i <= last; ++i)
            inPlace[i] = place;
        first = last + 1;
    }

    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &word = words[i];
        const QString bare = withoutPossessive(word.text);
        if (watched.contains(bare.toCaseFolded())) {
            add(word, SuspectedName::Why::Watched);
            continue;
        }
        if (inPlace[i] || isTitle(word.text))
            continue;
        const QString folded = bare.toLower();
        const bool capitalised = looksCapitalised(bare);
        const bool beforeSpeech = i + 1 < words.size() && isSpeechVerb(words[i + 1].text);
        // A double-barrelled given name ("Lily-Mae") is one if a part is.
        const QStringList parts = folded.split(QLatin1Char('-'));
        const bool givenPart = capitalised && parts.size() > 1
            && std::any_of(parts.cbegin(), parts.cend(), [](const QString &part) { return givenNames().any.contains(part); });
        if ((givenNames().any.contains(folded) && (capitalised || bare == folded)) || givenPart) {
            add(word, SuspectedName::Why::GivenName); // "john" as much as "John"; not "JOHN LEWIS"-style shouting
            continue;
        }
        if (capitalised && !notNames().contains(bare) && !notNames().contains(word.text)
            && describedByAge(text, word.position + word.text.size())) {
            add(word, SuspectedName::Why::DescribedByAge);
            continue;
        }
        if (!capitalised || notNames().contains(bare) || notNames().contains(word.text))
            continue;
        const bool everydayName = givenNames().capitalised.contains(folded);
        const bool afterTitle = i > 0 && isTitle(words[i - 1].text);
        const bool nextCapitalised = i + 1 < words.size() && !words[i + 1].startsSentence && looksCapitalised(words[i + 1].text)
            && !notNames().contains(words[i + 1].text) && !inPlace[i + 1] && !isTitle(words[i + 1].text);
        const bool previousCapitalised = i > 0 && !word.startsSentence && looksCapitalised(words[i - 1].text)
            && !notNames().contains(words[i - 1].text) && !isTitle(words[i - 1].text) && !inPlace[i - 1];
        if (afterTitle)
            add(word, SuspectedName::Why::AfterTitle);
        else if (nextCapitalised || previousCapitalised)
            add(word, SuspectedName::Why::FullName);
        else if (beforeSpeech)
            add(word, SuspectedName::Why::BeforeSpeechVerb);
        else if (!word.startsSentence && (everydayName || !looksLikePlaceName(bare)))
            add(word, everydayName ? SuspectedName::Why::GivenName : SuspectedName::Why::MidSentence);
    }
    return found;
}

} // namespace fieldnotes
