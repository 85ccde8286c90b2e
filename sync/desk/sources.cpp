#include "sources.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace fieldnotes::sync {

namespace {
bool hasSource(const QList<Source> &sources, const QString &id)
{
    return std::any_of(sources.begin(), sources.end(), [&](const Source &source) { return source.id == id; });
}

// Where in the role the first of the source's words starts a word, or -1: the word that comes
// first names the role ("police officer" is the police, "lead officer" a leader).
qsizetype firstMatch(const QString &role, const Source &source)
{
    const QString lowered = role.toLower();
    qsizetype first = -1;
    for (const QString &word : source.roleWords) {
        const QString wanted = word.toLower().trimmed();
        if (wanted.isEmpty())
            continue;
        for (qsizetype at = lowered.indexOf(wanted); at >= 0; at = lowered.indexOf(wanted, at + 1)) {
            if (at == 0 || !lowered.at(at - 1).isLetterOrNumber()) {
                if (first < 0 || at < first)
                    first = at;
                break;
            }
        }
    }
    return first;
}
} // namespace

QList<Source> defaultSources()
{
    const auto words = [](const char *list) { return QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts); };
    return {
        {QStringLiteral("leaders"), QStringLiteral("Lead officers and managers"),
         words("lead,manager,head,director,officer,chair,board,governor,commissioner,principal")},
        {QStringLiteral("practitioners"), QStringLiteral("Front-line practitioners"),
         words("practitioner,worker,teacher,staff,nurse,visitor,clinician,therapist,mentor,coach,assistant,counsellor")},
        {QStringLiteral("children"), QStringLiteral("Children and young people"),
         words("child,young person,young people,youngster,pupil,student,teenager,young inspector,care leaver")},
        {QStringLiteral("parents"), QStringLiteral("Parents and carers"), words("parent,carer,family,foster,guardian,grandparent")},
        {QStringLiteral("partners"), QStringLiteral("Partner agencies"), words("partner,police,agency,voluntary,charity,commissioned,provider")},
        {documentsSource, QStringLiteral("Documents and data"), words("document,data,record")},
        {observationSource, QStringLiteral("Direct observation"), words("observation")},
    };
}

QString derivedSource(const QList<Source> &sources, const Engagement &engagement)
{
    if (engagement.kind == EngagementKind::Observation && hasSource(sources, observationSource))
        return observationSource;
    QList<ParticipantGroup> groups = engagement.participants;
    std::stable_sort(groups.begin(), groups.end(), [](const ParticipantGroup &a, const ParticipantGroup &b) { return a.count > b.count; });
    for (const ParticipantGroup &group : std::as_const(groups)) {
        const Source *best = nullptr;
        qsizetype bestAt = -1;
        for (const Source &source : sources) {
            const qsizetype at = firstMatch(group.role, source);
            if (at >= 0 && (!best || at < bestAt)) {
                best = &source;
                bestAt = at;
            }
        }
        if (best)
            return best->id;
    }
    return {};
}

QString noteSource(const QList<Source> &sources, NoteKind kind, const QString &engagementSource)
{
    if (kind == NoteKind::Observation && hasSource(sources, observationSource))
        return observationSource;
    if (kind == NoteKind::Evidence && hasSource(sources, documentsSource))
        return documentsSource;
    return engagementSource;
}

QJsonArray sourcesToJson(const QList<Source> &sources)
{
    QJsonArray array;
    for (const Source &source : sources)
        array << QJsonObject{{QStringLiteral("id"), source.id},
                             {QStringLiteral("label"), source.label},
                             {QStringLiteral("role_words"), QJsonArray::fromStringList(source.roleWords)}};
    return array;
}

std::optional<QList<Source>> sourcesFromJson(const QJsonArray &array, QString *error)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9-]{0,39}$"));
    QList<Source> sources;
    QSet<QString> ids;
    for (const QJsonValue &value : array) {
        Source source{value[QStringLiteral("id")].toString(), value[QStringLiteral("label")].toString().trimmed(), {}};
        for (const QJsonValue &word : value[QStringLiteral("role_words")].toArray())
            source.roleWords << word.toString();
        if (!idPattern.match(source.id).hasMatch() || source.label.isEmpty() || ids.contains(source.id)) {
            *error = QStringLiteral("source \"%1\": an id (lower-case letters, digits and hyphens) used once, and a label").arg(source.id);
            return std::nullopt;
        }
        ids.insert(source.id);
        sources << source;
    }
    return sources;
}

} // namespace fieldnotes::sync
