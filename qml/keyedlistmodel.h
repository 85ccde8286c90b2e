#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// A list model whose rows each have a key (an id), so that a change reaches views as the rows
/// it touches: inserted, removed, moved, or changed in just the roles that differ. A reset is
/// for when all of the content changes (unlock, another review or engagement). The rows live in
/// the model itself; `keyOf(row)` names a row, `changedRoles(before, after)` the roles that differ.
class KeyedListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS

public:
    using QAbstractListModel::QAbstractListModel;

protected:
    template <typename Row>
    void resetRows(QList<Row> &rows, QList<Row> next)
    {
        beginResetModel();
        rows = std::move(next);
        endResetModel();
    }

    /// The row with this key, or -1; searched from the end, where new rows usually are.
    template <typename Row, typename KeyOf>
    static int rowOfKey(const QList<Row> &rows, const QString &key, KeyOf keyOf)
    {
        for (qsizetype row = rows.size() - 1; row >= 0; --row)
            if (keyOf(rows.at(row)) == key)
                return int(row);
        return -1;
    }

    template <typename Row, typename ChangedRoles>
    void changeRow(QList<Row> &rows, int row, Row next, ChangedRoles changedRoles)
    {
        const QList<int> roles = changedRoles(rows.at(row), next);
        rows[row] = std::move(next);
        if (!roles.isEmpty())
            emit dataChanged(index(row), index(row), roles);
    }

    template <typename Row>
    void insertRowAt(QList<Row> &rows, int row, Row next)
    {
        beginInsertRows({}, row, row);
        rows.insert(row, std::move(next));
        endInsertRows();
    }

    template <typename Row>
    void removeRowAt(QList<Row> &rows, int row)
    {
        beginRemoveRows({}, row, row);
        rows.removeAt(row);
        endRemoveRows();
    }

    /// Brings `rows` to `next` with removals, insertions and moves of runs of rows, and
    /// dataChanged for the rows that stay but differ.
    template <typename Row, typename KeyOf, typename ChangedRoles>
    void updateRows(QList<Row> &rows, const QList<Row> &next, KeyOf keyOf, ChangedRoles changedRoles)
    {
        QHash<QString, qsizetype> nextIndex;
        for (qsizetype row = 0; row < next.size(); ++row)
            nextIndex.insert(keyOf(next.at(row)), row);
        for (qsizetype last = rows.size() - 1; last >= 0; --last) {
            if (nextIndex.contains(keyOf(rows.at(last))))
                continue;
            qsizetype first = last;
            while (first > 0 && !nextIndex.contains(keyOf(rows.at(first - 1))))
                --first;
            beginRemoveRows({}, int(first), int(last));
            rows.remove(first, last - first + 1);
            endRemoveRows();
            last = first;
        }
        QSet<QString> present;
        for (const Row &row : std::as_const(rows))
            present.insert(keyOf(row));
        for (qsizetype row = 0; row < next.size(); ++row) {
            const QString key = keyOf(next.at(row));
            if (!present.contains(key)) {
                qsizetype last = row;
                while (last + 1 < next.size() && !present.contains(keyOf(next.at(last + 1))))
                    ++last;
                beginInsertRows({}, int(row), int(last));
                for (qsizetype i = row; i <= last; ++i)
                    rows.insert(i, next.at(i));
                endInsertRows();
                row = last;
                continue;
            }
            if (keyOf(rows.at(row)) != key) {
                qsizetype from = row + 1;
                while (keyOf(rows.at(from)) != key)
                    ++from;
                if (from == row + 1) {
                    // Only the row here is out of place (it moved later): one move takes it there.
                    const qsizetype to = std::min(nextIndex.value(keyOf(rows.at(row))), rows.size() - 1);
                    beginMoveRows({}, int(row), int(row), {}, int(to + 1));
                    rows.move(row, to);
                } else {
                    beginMoveRows({}, int(from), int(from), {}, int(row));
                    rows.move(from, row);
                }
                endMoveRows();
            }
            changeRow(rows, int(row), next.at(row), changedRoles);
        }
    }
};

} // namespace fieldnotes::ui
