#pragma once

#include <QRandomGenerator>
#include <QString>

namespace fieldnotes {

/// Note texts of about 30 words: "zeppelin" in 1 note in 10,000, "attendance" in 1 in 100,
/// "school" in 1 in 2; the rest from a 3,000-word synthetic vocabulary.
QString benchNoteText(QRandomGenerator &random);

} // namespace fieldnotes
