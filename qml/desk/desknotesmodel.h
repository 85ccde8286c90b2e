#pragma once

#include "keyedlistmodel.h"
#include "vaultsession.h"

#include "collectednotes.h"

#include <QHash>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace fieldnotes::sync {
class DeskReader;
}

namespace fieldnotes::ui {

/// The notes the team leader collected, as the desk reads them: newest first or by priority,
/// engagement, source, kind or tablet; narrowed by those and by the verifier's verdict; or
/// searched, best first, with the words found in bold. Reads run off the GUI thread (a
/// DeskReader); only the answer to the latest request is shown, and it reaches views as the rows
/// it changes. Concerns carry what the leader did about them.
class DeskNotesModel : public fieldnotes::ui::KeyedListModel // qualified: Qt 6.4's qmltyperegistrar resolves bases by the name written
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY filtersChanged)
    Q_PROPERTY(QString order READ order WRITE setOrder NOTIFY filtersChanged)
    Q_PROPERTY(QString priorityId READ priorityId WRITE setPriorityId NOTIFY filtersChanged)
    Q_PROPERTY(QString sourceId READ sourceId WRITE setSourceId NOTIFY filtersChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY filtersChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filtersChanged)
    /// A tablet's device key in hex; empty for all.
    Q_PROPERTY(QString tablet READ tablet WRITE setTablet NOTIFY filtersChanged)
    /// "", "verified" or "problem".
    Q_PROPERTY(QString verdict READ verdict WRITE setVerdict NOTIFY filtersChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many notes the filter lets through (a search: how many are shown, the best 200 at most);
    /// rows are read a page at a time as the list is scrolled.
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Concerns shown that have no follow-up yet.
    Q_PROPERTY(int awaitingFollowUp READ awaitingFollowUp NOTIFY countChanged)

public:
    enum Role {
        HashRole = Qt::UserRole + 1,
        ShortHashRole,
        TextRole,        // HTML: the note's text escaped, or the search snippet with the words in bold
        PlainTextRole,   // the signed text as it is
        KindRole,
        KindLabelRole,
        EngagementIdRole,
        EngagementTitleRole,
        PriorityIdRole,
        PriorityTitleRole,
        SourceRole,
        SourceLabelRole,
        AuthorRole,      // role and tablet label from the signed roster
        SignedAtRole,
        EvidenceRole,
        AmendsRole,
        VerifiedRole,
        VerdictRole,
        FollowUpRole,    // concerns: the latest follow-up in words; empty when none
        CorrectionsRole, // the signed corrections of this note, one a line; empty when none
    };
    Q_ENUM(Role)

    explicit DeskNotesModel(QObject *parent = nullptr);
    ~DeskNotesModel() override;

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QString order() const { return m_order; }
    void setOrder(const QString &order);
    QString priorityId() const { return m_filter.priorityId; }
    void setPriorityId(const QString &id);
    QString sourceId() const { return m_filter.sourceId; }
    void setSourceId(const QString &id);
    QString engagementId() const { return m_filter.engagementId; }
    void setEngagementId(const QString &id);
    QString kind() const;
    void setKind(const QString &kind);
    QString tablet() const { return QString::fromLatin1(m_filter.authorKey.toHex()); }
    void setTablet(const QString &hex);
    QString verdict() const;
    void setVerdict(const QString &verdict);
    int count() const { return int(m_rows.size()); }
    int total() const { return m_total; }
    static constexpr int pageSize = 200;
    bool isBusy() const { return m_request != 0; }
    int awaitingFollowUp() const;

    /// A roster role in words ("young-inspector" -> "Young Inspector").
    static QString roleLabel(const QString &role);

    /// One row's roles by name, for a details view.
    Q_INVOKABLE QVariantMap get(int row) const;
    /// Reads again: after a collection, a correction or a follow-up.
    Q_INVOKABLE void refresh();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sessionChanged();
    void filtersChanged();
    void countChanged();
    void busyChanged();

private:
    struct Row {
        sync::CollectedNoteView view;
        QString followUp;
    };
    static QString keyOf(const Row &row) { return QString::fromLatin1(row.view.note.hash.toHex()); }
    static QList<int> changedRoles(const Row &before, const Row &after);
    void reopen();
    void read();
    void filterChanged();
    void showNotes(const QObject *requester, quint64 request, const QList<sync::CollectedNoteView> &notes, int total);
    void readFailed(const QObject *requester, quint64 request, const QString &message);
    void setRequest(quint64 request);
    void closeReader();
    /// Titles and labels the rows name, and concerns' follow-ups: small, read on the GUI thread.
    void readLabels();

    QPointer<VaultSession> m_session;
    std::unique_ptr<sync::DeskReader> m_reader;
    QString m_query;
    QString m_order = QStringLiteral("newest");
    sync::CollectedFilter m_filter;
    QList<Row> m_rows;
    quint64 m_request = 0;
    int m_wanted = pageSize; // rows asked for: a page more each time the view reaches the end
    int m_total = 0;
    QHash<QString, QString> m_priorityTitles;
    QHash<QString, QString> m_sourceLabels;
    QHash<QString, QString> m_engagementTitles;
    QHash<QByteArray, QString> m_followUps; // concern hash -> the latest follow-up in words
};

} // namespace fieldnotes::ui
