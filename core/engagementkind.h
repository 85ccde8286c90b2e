#pragma once

#include <QString>

#include <optional>

namespace fieldnotes {

/// The kinds of activity in a review week's programme.
enum class EngagementKind { Interview, FocusGroup, Meeting, Visit, Observation };

/// kebab-case names ("focus-group").
QString engagementKindName(EngagementKind kind);
std::optional<EngagementKind> engagementKindFromName(const QString &name);
QStringList engagementKindNames();

} // namespace fieldnotes
