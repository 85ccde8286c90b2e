#pragma once

#include "engagement.h"
#include "notekind.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldnotes::sync {

/// Where evidence came from, as triangulation weighs it: lead officers and managers, front-line
/// practitioners, children and young people, and so on. Part of the review's set-up.
struct Source {
    QString id;
    QString label;
    QStringList roleWords; // a participant role starting a word with one of these is this source

    friend bool operator==(const Source &, const Source &) = default;
};

/// The two sources notes are placed in by their kind, whatever their engagement (see noteSource).
inline const QString observationSource = QStringLiteral("observation");
inline const QString documentsSource = QStringLiteral("documents");

/// The methodology's sources, in its order. `observation` and `documents` also place notes by
/// their kind (see noteSource).
QList<Source> defaultSources();

/// The source an engagement's notes come from: the Young Inspectors' observations are direct
/// observation; otherwise the largest participant group whose role matches a source's words
/// (the source whose word comes first in the role, then the first listed); empty when nothing
/// matches, for the leader to set.
QString derivedSource(const QList<Source> &sources, const Engagement &engagement);

/// A note's source: an observation is direct observation and an evidence note is documents and
/// data, wherever they were taken (when the review has those sources); any other note is its
/// engagement's.
QString noteSource(const QList<Source> &sources, NoteKind kind, const QString &engagementSource);

QJsonArray sourcesToJson(const QList<Source> &sources);
/// The sources of a set-up; ids must be unique and labels present.
std::optional<QList<Source>> sourcesFromJson(const QJsonArray &array, QString *error);

} // namespace fieldnotes::sync
