#pragma once

#include "keyedlistmodel.h"
#include "vaultsession.h"

#include "engagement.h"
#include "notestore.h"

#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {


/// The review week's programme, by day and time: add, edit, and arrange a follow-up.
class EngagementListModel : public fieldnotes::ui::KeyedListModel // qualified: Qt 6.4's qmltyperegistrar resolves bases by the name written
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QVariantList priorities READ priorities NOTIFY prioritiesChanged)
    Q_PROPERTY(QVariantList engagementChoices READ engagementChoices NOTIFY prioritiesChanged)
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)
    /// Changes whenever any row does: for bindings over get() and followUpStart().
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    /// Only what a Young Inspector takes part in: visits, focus groups and observations.
    Q_PROPERTY(bool youngInspectorVisits READ youngInspectorVisits WRITE setYoungInspectorVisits NOTIFY youngInspectorVisitsChanged)

public:
    enum Role {
        EngagementIdRole = Qt::UserRole + 1, TitleRole, KindRole, PriorityIdRole, PriorityTitleRole, StartRole, DayRole, TimeRole,
        MinutesRole, IntroducerRole, NoteTakerRole, ParticipantsRole, FollowUpOfRole, KindLabelRole,
        // How far it has got: "not-started", "running", "waiting" (notes to sign) or "done", in words too.
        StateRole, StateLabelRole, DraftCountRole, SignedCountRole
    };

    explicit EngagementListModel(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    int revision() const { return m_revision; }
    bool youngInspectorVisits() const { return m_youngInspectorVisits; }
    void setYoungInspectorVisits(bool only);
    /// The review's priorities as {id, title, questions, rag, evidence: [{criterion, text}],
    /// linesOfEnquiry} maps: for pickers, and for why a priority is looked at (the desk-top review
    /// from the signed set-up; rag is empty where the leader wrote none).
    QVariantList priorities() const;
    /// The programme as {id, title} maps, for filters.
    QVariantList engagementChoices() const;
    /// Every engagement kind as {kind, label} maps, in the methodology's order, for pickers.
    static QVariantList kindChoices();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Adds (empty id) or updates an engagement; participants as "role=count" lines. Returns its id.
    Q_INVOKABLE QString save(const QString &id, const QString &kind, const QString &priorityId, const QDateTime &start, int minutes,
                             const QString &title, const QString &introducer, const QString &noteTaker, const QString &participants);
    /// A follow-up of this engagement at `start` (by default the next day at the same time), linked
    /// to it; one already arranged at that time is returned, not made twice. Returns its id.
    Q_INVOKABLE QString arrangeFollowUp(const QString &engagementId, const QDateTime &start = QDateTime());
    /// When a follow-up of this engagement is (the earliest), or an invalid time if none is arranged.
    Q_INVOKABLE QDateTime followUpStart(const QString &engagementId) const;
    /// Deletes an engagement that holds no notes; false (and the reason reported) otherwise.
    Q_INVOKABLE bool remove(const QString &engagementId);
    /// What is wrong with an engagement's fields as typed, in words, or "" (participants by role and
    /// number, no names in them or the title).
    Q_INVOKABLE QString problemWith(const QString &title, const QString &participants) const;
    Q_INVOKABLE int rowOf(const QString &engagementId) const;
    /// One engagement's fields for an edit form (participants as "role = count" lines).
    Q_INVOKABLE QVariantMap get(const QString &engagementId) const;
    /// The priority map (see priorities) of an engagement's priority; empty if it has none.
    Q_INVOKABLE QVariantMap priorityOf(const QString &engagementId) const;
    Q_INVOKABLE void reload();

    static QList<ParticipantGroup> parseParticipants(const QString &lines, QString *error);
    static QString kindLabel(EngagementKind kind);
    /// Its title, or its kind ("Interview") when it has none.
    static QString shownTitle(const Engagement &engagement);
    static QString stateName(const EngagementProgress &progress);
    static QString stateLabel(const EngagementProgress &progress);

signals:
    void sessionChanged();
    void prioritiesChanged();
    void revisionChanged();
    void youngInspectorVisitsChanged();

private:
    struct Row {
        Engagement engagement;
        EngagementProgress progress;
    };
    static QString keyOf(const Row &row) { return row.engagement.id; }
    static QList<int> changedRoles(const Row &before, const Row &after);
    QList<Row> readProgramme();
    QHash<QString, EngagementProgress> readProgress();
    void refresh();
    void refreshProgress();

    QPointer<VaultSession> m_session;
    QList<Row> m_rows;
    int m_revision = 0;
    QTimer m_progressPending; // a draft is written several times a second while typed: one read for the lot
    bool m_youngInspectorVisits = false;
    QHash<QString, QString> m_priorityTitles;
    QVariantList m_priorities;
};

} // namespace fieldnotes::ui
