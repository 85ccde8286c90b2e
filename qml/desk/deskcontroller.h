#pragma once

#include "vaultsession.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// The team leader's analysis in the app: the choices the desk's filters offer (priorities,
/// sources, tablets by role and label, engagements), findings and their excerpts, recommendations,
/// signed follow-ups of concerns, corrections of a source, and each priority's triangulation.
/// Every change is written with who made it to the desk's history; views follow
/// VaultSession::deskChanged and change by rows.
class DeskController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    /// [{id, title}], in the review's order.
    Q_PROPERTY(QVariantList priorities READ priorities NOTIFY choicesChanged)
    /// [{id, label}], in the review's order.
    Q_PROPERTY(QVariantList sources READ sources NOTIFY choicesChanged)
    /// [{key, label}]: the roster's tablets, by role and label.
    Q_PROPERTY(QVariantList tablets READ tablets NOTIFY choicesChanged)
    /// [{id, title, source, derivedSource, corrected}]: where each engagement's notes come from.
    Q_PROPERTY(QVariantList engagements READ engagements NOTIFY choicesChanged)
    Q_PROPERTY(int requiredSources READ requiredSources NOTIFY choicesChanged)

public:
    explicit DeskController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QVariantList priorities() const { return m_priorities; }
    QVariantList sources() const { return m_sources; }
    QVariantList tablets() const { return m_tablets; }
    QVariantList engagements() const { return m_engagements; }
    int requiredSources() const { return m_requiredSources; }

    /// kind: good-practice or area-for-development. Returns the new finding's id, or "".
    Q_INVOKABLE QString addFinding(const QString &priorityId, const QString &kind, const QString &statement);
    Q_INVOKABLE bool editFinding(const QString &findingId, const QString &kind, const QString &statement);
    /// Links [start, end) of the note's signed text in code points (end < 0: the whole note).
    Q_INVOKABLE bool link(const QString &findingId, const QString &noteHash, int start, int end);
    Q_INVOKABLE bool unlink(const QString &findingId, const QString &noteHash, int start, int end);
    /// Returns the new recommendation's id, or "".
    Q_INVOKABLE QString addRecommendation(const QString &priorityId, const QString &text, const QStringList &findingIds);
    /// Signs a follow-up of a collected concern: seen now, raised with whom, what was decided.
    Q_INVOKABLE bool recordFollowUp(const QString &noteHash, const QString &raisedWith, const QString &decision);
    /// [{seenAt, by, raisedWith, decision, signedAt, hash}], oldest first, each verified again.
    Q_INVOKABLE QVariantList followUpsOf(const QString &noteHash);
    /// An empty sourceId goes back to the derived source.
    Q_INVOKABLE bool correctSource(const QString &engagementId, const QString &sourceId);
    Q_INVOKABLE bool setRequiredSources(int sources);
    /// {priority, sources: [label], rows: [{findingId, kindLabel, statement, substantiated, cells: [{sourceId, count}]}]}
    Q_INVOKABLE QVariantMap triangulation(const QString &priorityId);
    /// The verified notes of one cell: [{hash, shortHash, words, kindLabel}].
    Q_INVOKABLE QVariantList notesIn(const QString &priorityId, const QString &findingId, const QString &sourceId);
    /// The Stage 1 desk-top review of a priority: {rag, criteria: [{id, label, text}] (every
    /// criterion of the methodology, in its order), lines (one a line)}.
    Q_INVOKABLE QVariantMap deskReviewOf(const QString &priorityId);
    /// Saves it (evidence: criterion id -> text; lines: one a line) and publishes it to tablets
    /// in the signed set-up. Saved but not published (no archive) is reported and returns true.
    Q_INVOKABLE bool saveDeskReview(const QString &priorityId, const QString &rag, const QVariantMap &evidence, const QString &lines);
    /// A position in a QML string (UTF-16) as a position in code points, as excerpts count.
    Q_INVOKABLE static int codePointIndex(const QString &text, int utf16Index);

signals:
    void sessionChanged();
    void choicesChanged();

private:
    void reload();
    bool fail(const QString &message);
    QString by() const;
    bool changed();

    QPointer<VaultSession> m_session;
    QVariantList m_priorities;
    QVariantList m_sources;
    QVariantList m_tablets;
    QVariantList m_engagements;
    int m_requiredSources = 2;
};

} // namespace fieldnotes::ui
