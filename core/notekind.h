#pragma once

#include <QString>

#include <optional>

namespace fieldnotes {

/// What a note records, as the review methodology distinguishes it.
enum class NoteKind { Statement, Evidence, GoodPractice, AreaForDevelopment, Concern, Observation, Amendment };

/// kebab-case names, as used in the CLI, exports and the signed encoding ("good-practice").
QString noteKindName(NoteKind kind);
std::optional<NoteKind> noteKindFromName(const QString &name);
QStringList noteKindNames();

} // namespace fieldnotes
