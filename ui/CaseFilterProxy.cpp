#include "ui/CaseFilterProxy.h"

#include "model/domain/Domain.h"
#include "ui/CaseListModel.h"

#include <QRegularExpression>

namespace cb::ui {

namespace {
bool statusMatches(CaseFilterProxy::StatusFilter filter, CaseStatus status)
{
    using F = CaseFilterProxy::StatusFilter;
    switch (filter) {
    case F::All:
        return true;
    case F::Open:
        return status == CaseStatus::Open;
    case F::ClearedByArrest:
        return status == CaseStatus::ClearedByArrest;
    case F::ClearedExceptionally:
        return status == CaseStatus::ClearedExceptionally;
    case F::Unfounded:
        return status == CaseStatus::Unfounded;
    case F::AllCleared:
        return status == CaseStatus::ClearedByArrest || status == CaseStatus::ClearedExceptionally;
    }
    return true;
}
} // namespace

CaseFilterProxy::CaseFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(CaseListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void CaseFilterProxy::setSearchText(const QString &text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList words = text.split(spaces, Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = std::move(words);
    invalidateFilter();
}

void CaseFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateFilter();
}

void CaseFilterProxy::setOnlyOverdue(bool only)
{
    if (only == m_onlyOverdue)
        return;
    m_onlyOverdue = only;
    invalidateFilter();
}

bool CaseFilterProxy::isFiltering() const
{
    return !m_words.isEmpty() || m_status != StatusFilter::All || m_onlyOverdue;
}

bool CaseFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyOverdue && index.data(CaseListModel::OverdueLeadsRole).toInt() <= 0)
        return false;
    if (!statusMatches(m_status, static_cast<CaseStatus>(index.data(CaseListModel::StatusRole).toInt())))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(CaseListModel::SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace cb::ui
