#pragma once

#include "error.h"
#include "review.h"

#include <QDate>

namespace fieldnotes {

class NoteStore;

/// Fills a store with a sample review week (priorities, lines of enquiry, questions and a
/// five-day programme) shaped like the review methodology, for demos and first looks.
Result<Review> seedDemoReview(NoteStore &store, const QDate &monday);
/// The Monday of the current week: the demo week, so that demo devices set up the same week agree.
QDate mondayOfThisWeek();

} // namespace fieldnotes
