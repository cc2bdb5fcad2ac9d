#include "ui/CaseListView.h"

#include "ui/CaseFilterProxy.h"
#include "ui/CaseListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cb::ui {

namespace {
constexpr int kTablePage = 0;
constexpr int kEmptyPage = 1;
} // namespace

CaseListView::CaseListView(const Clock &clock, QWidget *parent)
    : QWidget(parent), m_model(new CaseListModel(clock, this)), m_proxy(new CaseFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("caseTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CaseListModel::IncidentDate, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // The style's default row height (30 px in Fusion) shows too few cases at once.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit caseActivated(index.data(CaseListModel::CaseIdRole).toLongLong());
    });
    // Ctrl+C copies the current cell (QAbstractItemView does it); this copies the case number
    // wherever the row was clicked.
    m_copyCaseNumber = new QAction(tr("Copy Case &Number"), this);
    m_copyCaseNumber->setObjectName(QStringLiteral("copyCaseNumberAction"));
    m_copyCaseNumber->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCaseNumber->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyCaseNumber, &QAction::triggered, this, &CaseListView::copyCaseNumber);
    m_table->addAction(m_copyCaseNumber);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &CaseListView::showContextMenu);

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(kTablePage, m_table);
    m_stack->insertWidget(kEmptyPage, createEmptyState());

    auto *layout = new QVBoxLayout(this);
    m_filterRow = createFilterRow();
    layout->addWidget(m_filterRow);
    layout->addWidget(m_stack, 1);

    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CaseListView::updateCountAndEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &CaseListView::updateCountAndEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &CaseListView::updateCountAndEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CaseListView::updateCountAndEmptyState);
    updateCountAndEmptyState();
}

QWidget *CaseListView::createFilterRow()
{
    auto *row = new QWidget(this);
    m_search = new QLineEdit(row);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search case number, victim, detective, area"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 48);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);

    m_status = new QComboBox(row);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    using F = CaseFilterProxy::StatusFilter;
    m_status->addItem(tr("All statuses"), QVariant::fromValue(F::All));
    m_status->addItem(label(CaseStatus::Open), QVariant::fromValue(F::Open));
    m_status->addItem(label(CaseStatus::ClearedByArrest), QVariant::fromValue(F::ClearedByArrest));
    m_status->addItem(label(CaseStatus::ClearedExceptionally), QVariant::fromValue(F::ClearedExceptionally));
    m_status->addItem(label(CaseStatus::Unfounded), QVariant::fromValue(F::Unfounded));
    m_status->addItem(tr("All cleared"), QVariant::fromValue(F::AllCleared));
    auto *statusLabel = new QLabel(tr("&Status:"), row);
    statusLabel->setBuddy(m_status);

    m_overdueOnly = new QCheckBox(tr("Only with &overdue leads"), row);
    m_overdueOnly->setObjectName(QStringLiteral("overdueOnly"));

    m_count = new QLabel(row);
    m_count->setObjectName(QStringLiteral("countLabel"));

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    layout->addSpacing(8);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addSpacing(8);
    layout->addWidget(m_overdueOnly);
    layout->addStretch(1);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, this, &CaseListView::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &CaseListView::applyFilter);
    connect(m_overdueOnly, &QCheckBox::toggled, this, &CaseListView::applyFilter);
    return row;
}

QWidget *CaseListView::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    m_emptyTitle = new QLabel(page);
    m_emptyTitle->setObjectName(QStringLiteral("emptyTitle"));
    QFont big = m_emptyTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_emptyTitle->setFont(big);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyDetail = new QLabel(page);
    m_emptyDetail->setAlignment(Qt::AlignCenter);
    m_emptyDetail->setWordWrap(true);
    m_emptyDetail->setTextFormat(Qt::RichText);
    m_emptyDetail->setForegroundRole(QPalette::PlaceholderText);
    connect(m_emptyDetail, &QLabel::linkActivated, this, &CaseListView::clearFilter);

    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_emptyTitle);
    layout->addWidget(m_emptyDetail);
    layout->addStretch(2);
    return page;
}

void CaseListView::setCases(QList<CaseSummary> cases)
{
    m_model->setCases(std::move(cases));
    if (!m_columnsFitted && m_model->rowCount() > 0) {
        fitColumns();
        m_columnsFitted = true;
    }
}

void CaseListView::clearFilter()
{
    m_search->clear();
    m_status->setCurrentIndex(0);
    m_overdueOnly->setChecked(false);
}

void CaseListView::applyFilter()
{
    m_proxy->setSearchText(m_search->text());
    m_proxy->setStatusFilter(m_status->currentData().value<CaseFilterProxy::StatusFilter>());
    m_proxy->setOnlyOverdue(m_overdueOnly->isChecked());
    updateCountAndEmptyState();
}

void CaseListView::updateCountAndEmptyState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_count->clear();
    else if (total == 1)
        m_count->setText(tr("%1 of 1 case").arg(shown));
    else
        m_count->setText(tr("%1 of %n cases", nullptr, total).arg(shown));

    if (total == 0) {
        m_emptyTitle->setText(tr("No cases yet"));
        m_emptyDetail->setText(tr("Cases recorded in this case file will be listed here."));
    } else if (shown == 0) {
        m_emptyTitle->setText(tr("No case matches the filter"));
        m_emptyDetail->setText(tr("<a href=\"#clear\">Clear the filter</a> to see every case."));
    }
    m_stack->setCurrentIndex(shown == 0 ? kEmptyPage : kTablePage);
    m_filterRow->setEnabled(total > 0);
}

void CaseListView::copyCaseNumber()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString number = current.siblingAtColumn(CaseListModel::CaseNumber).data().toString();
    if (!number.isEmpty())
        QGuiApplication::clipboard()->setText(number);
}

void CaseListView::showContextMenu(const QPoint &pos)
{
    // Persistent: the list may be reloaded while the menu is up.
    const QPersistentModelIndex index(m_table->indexAt(pos));
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    // popup(), not exec(): a nested event loop here would outlive the view if the session locked.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Open Case &Summary"), this, [this, index] {
        if (index.isValid())
            emit caseActivated(index.data(CaseListModel::CaseIdRole).toLongLong());
    });
    menu->addSeparator();
    menu->addAction(tr("&Copy"), this, [index] {
        if (index.isValid())
            QGuiApplication::clipboard()->setText(index.data().toString());
    });
    menu->addAction(m_copyCaseNumber);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

void CaseListView::fitColumns()
{
    // Sized to the data once, then left to the user. The free-text columns are capped so that
    // a long name or weapon cannot push the other columns out of sight; the tooltip or a wider
    // column shows the rest.
    QHeaderView *header = m_table->horizontalHeader();
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->resizeColumnsToContents();
    const std::pair<int, int> caps[] = {
        {CaseListModel::PrimaryDetective, 22}, {CaseListModel::Area, 16}, {CaseListModel::Weapon, 18}};
    for (const auto &[column, chars] : caps)
        header->resizeSection(column, std::min(header->sectionSize(column), chars * charWidth));
}

} // namespace cb::ui
