#pragma once

#include "model/domain/Domain.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace cb {
class Clock;
}

namespace cb::ui {

class CaseFilterProxy;
class CaseListModel;

// The case list: a filter row (search, status, overdue leads, "N of M cases") over a sortable
// table, and an empty state when there is nothing to show.
class CaseListView : public QWidget {
    Q_OBJECT
public:
    explicit CaseListView(const Clock &clock, QWidget *parent = nullptr);

    void setCases(QList<CaseSummary> cases);
    void clearFilter();
    // Puts the case number of the current row on the clipboard (the session's ClipboardGuard
    // takes it off again).
    void copyCaseNumber();

    CaseListModel *model() const { return m_model; }
    CaseFilterProxy *proxy() const { return m_proxy; }

signals:
    void caseActivated(cb::Id caseId);

private:
    QWidget *createFilterRow();
    QWidget *createEmptyState();
    void applyFilter();
    void updateCountAndEmptyState();
    void fitColumns();
    void showContextMenu(const QPoint &pos);

    CaseListModel *m_model = nullptr;
    CaseFilterProxy *m_proxy = nullptr;
    QWidget *m_filterRow = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_overdueOnly = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QAction *m_copyCaseNumber = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyDetail = nullptr;
    bool m_columnsFitted = false;
};

} // namespace cb::ui
