#include "engagementkind.h"
#include "notekind.h"

#include <QStringList>

#include <array>
#include <utility>

namespace fieldnotes {

namespace {
template <typename Kind, std::size_t N>
using NameTable = std::array<std::pair<Kind, const char *>, N>;

constexpr NameTable<NoteKind, 7> noteKinds{{
    {NoteKind::Statement, "statement"},
    {NoteKind::Evidence, "evidence"},
    {NoteKind::GoodPractice, "good-practice"},
    {NoteKind::AreaForDevelopment, "area-for-development"},
    {NoteKind::Concern, "concern"},
    {NoteKind::Observation, "observation"},
    {NoteKind::Amendment, "amendment"},
}};

constexpr NameTable<EngagementKind, 5> engagementKinds{{
    {EngagementKind::Interview, "interview"},
    {EngagementKind::FocusGroup, "focus-group"},
    {EngagementKind::Meeting, "meeting"},
    {EngagementKind::Visit, "visit"},
    {EngagementKind::Observation, "observation"},
}};

template <typename Kind, std::size_t N>
QString nameIn(const NameTable<Kind, N> &table, Kind kind)
{
    for (const auto &[candidate, name] : table)
        if (candidate == kind)
            return QString::fromLatin1(name);
    return {};
}

template <typename Kind, std::size_t N>
std::optional<Kind> kindIn(const NameTable<Kind, N> &table, const QString &name)
{
    for (const auto &[kind, candidate] : table)
        if (name == QLatin1String(candidate))
            return kind;
    return std::nullopt;
}

template <typename Kind, std::size_t N>
QStringList namesIn(const NameTable<Kind, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromLatin1(entry.second);
    return names;
}
} // namespace

QString noteKindName(NoteKind kind) { return nameIn(noteKinds, kind); }
std::optional<NoteKind> noteKindFromName(const QString &name) { return kindIn(noteKinds, name); }
QStringList noteKindNames() { return namesIn(noteKinds); }

QString engagementKindName(EngagementKind kind) { return nameIn(engagementKinds, kind); }
std::optional<EngagementKind> engagementKindFromName(const QString &name) { return kindIn(engagementKinds, name); }
QStringList engagementKindNames() { return namesIn(engagementKinds); }

} // namespace fieldnotes
