#pragma once

namespace fieldnotes {

/// core/data/given-names.txt as it was built in: one lower-case name a line, "~" before a name
/// that is also an everyday word, "#" before a comment.
const char *givenNamesText();

} // namespace fieldnotes
