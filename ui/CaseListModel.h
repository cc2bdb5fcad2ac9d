#pragma once

#include "model/domain/Domain.h"

#include <QAbstractTableModel>
#include <QList>

namespace cb {
class Clock;
}

namespace cb::ui {

// The case list: one row per case, over CaseStore::caseSummaries(). Read-only.
class CaseListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        CaseNumber,
        IncidentDate,
        Victims,
        Status,
        PrimaryDetective,
        Area,
        District,
        Weapon,
        OpenLeads,
        OverdueLeads,
        LastActivity,
        ColumnCount
    };
    enum Role {
        // The value to sort by: dates as QDate, counts as numbers, the status in workflow order.
        SortRole = Qt::UserRole,
        CaseIdRole,       // qlonglong, any column
        StatusRole,       // int of cb::CaseStatus, any column
        OverdueLeadsRole, // int, any column
        SearchTextRole,   // what the search field matches, any column
    };

    // The clock gives "today" for the relative last-activity column.
    explicit CaseListModel(const Clock &clock, QObject *parent = nullptr);

    void setCases(QList<CaseSummary> cases);
    const QList<CaseSummary> &cases() const { return m_cases; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const CaseSummary &c, int column) const;
    QVariant sortValue(const CaseSummary &c, int column) const;
    QVariant toolTip(const CaseSummary &c, int column) const;

    const Clock &m_clock;
    QList<CaseSummary> m_cases;
};

} // namespace cb::ui
