#pragma once

class QQmlApplicationEngine;

namespace fieldnotes::ui {
class VaultSession;
}

/// `fieldnotes --self-test`: with the window loaded on a throwaway demo vault, unlocks it and
/// instantiates every page of the module (each pulls in its components), then returns the
/// number of QML errors and warnings seen.
int runSelfTest(QQmlApplicationEngine &engine, fieldnotes::ui::VaultSession &session);

/// Counts QML warnings and errors from now on.
void startCountingQmlWarnings();
