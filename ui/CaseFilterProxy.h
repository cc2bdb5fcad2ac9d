#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace cb::ui {

// Filters and sorts the case list (a CaseListModel): a search over case number, victim names,
// primary detective and area; a status; only cases with overdue leads. Sorts by
// CaseListModel::SortRole, so dates and counts sort by value rather than by their text.
class CaseFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class StatusFilter { All, Open, ClearedByArrest, ClearedExceptionally, Unfounded, AllCleared };
    Q_ENUM(StatusFilter)

    explicit CaseFilterProxy(QObject *parent = nullptr);

    // Every word of the text must occur (case-insensitively) in one of the searched fields.
    void setSearchText(const QString &text);
    void setStatusFilter(StatusFilter filter);
    void setOnlyOverdue(bool only);
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    StatusFilter m_status = StatusFilter::All;
    bool m_onlyOverdue = false;
};

} // namespace cb::ui
