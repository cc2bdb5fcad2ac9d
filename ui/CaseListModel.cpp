#include "ui/CaseListModel.h"

#include "model/util/Clock.h"
#include "ui/RelativeTime.h"
#include "ui/StatusColors.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace cb::ui {

namespace {

QDateTime localTime(std::int64_t utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toLocalTime();
}

// Districts are mostly numbers kept as text ("7", "10"); padding makes "7" sort before "10".
QString districtSortKey(const QString &district)
{
    bool numeric = false;
    const qlonglong n = district.toLongLong(&numeric);
    return numeric ? QStringLiteral("%1").arg(n, 12, 10, QLatin1Char('0')) : district.toLower();
}

// Dates and counts are right-aligned so that their digits line up; their headers follow.
QVariant alignment(int column)
{
    switch (column) {
    case CaseListModel::IncidentDate:
    case CaseListModel::Victims:
    case CaseListModel::OpenLeads:
    case CaseListModel::OverdueLeads:
    case CaseListModel::LastActivity:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
}

QString victimList(const QString &names)
{
    // caseSummaries() joins names with "; " and writes "?" for an unnamed victim.
    QStringList list = names.split(QStringLiteral("; "), Qt::SkipEmptyParts);
    for (QString &n : list) {
        if (n == QLatin1String("?"))
            n = CaseListModel::tr("(name unknown)");
    }
    return list.join(QLatin1Char('\n'));
}

} // namespace

CaseListModel::CaseListModel(const Clock &clock, QObject *parent) : QAbstractTableModel(parent), m_clock(clock) {}

void CaseListModel::setCases(QList<CaseSummary> cases)
{
    beginResetModel();
    m_cases = std::move(cases);
    endResetModel();
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cases.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseSummary &c = m_cases.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(c, column);
    case Qt::ToolTipRole:
        return toolTip(c, column);
    case SortRole:
        return sortValue(c, column);
    case CaseIdRole:
        return QVariant::fromValue<qlonglong>(c.id);
    case StatusRole:
        return static_cast<int>(c.status);
    case OverdueLeadsRole:
        return c.overdueLeads;
    case SearchTextRole:
        return QStringList{c.caseNumber, c.victimNames, c.primaryDetective, c.area}.join(QLatin1Char('\n'));
    case Qt::TextAlignmentRole:
        return alignment(column);
    case Qt::DecorationRole:
        if (column == Status)
            return statusIcon(c.status);
        return {};
    case Qt::BackgroundRole:
        if (column == OverdueLeads && c.overdueLeads > 0)
            return overdueBackground();
        return {};
    case Qt::ForegroundRole:
        if (column == OverdueLeads && c.overdueLeads > 0)
            return overdueForeground();
        return {};
    case Qt::FontRole:
        if (column == OverdueLeads && c.overdueLeads > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (column == PrimaryDetective && c.primaryDetective.isEmpty()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    default:
        return {};
    }
}

QVariant CaseListModel::display(const CaseSummary &c, int column) const
{
    switch (column) {
    case CaseNumber:
        return c.caseNumber;
    case IncidentDate:
        return c.incidentDate.toString(Qt::ISODate);
    case Victims:
        return c.victimCount;
    case Status:
        return label(c.status);
    case PrimaryDetective:
        return c.primaryDetective.isEmpty() ? tr("unassigned") : c.primaryDetective;
    case Area:
        return c.area;
    case District:
        return c.district;
    case Weapon:
        return label(c.weapon);
    case OpenLeads:
        return c.openLeads;
    case OverdueLeads:
        return c.overdueLeads;
    case LastActivity:
        return c.lastActivity > 0 ? daysAgo(localTime(c.lastActivity).date(), m_clock.today()) : QString();
    default:
        return {};
    }
}

QVariant CaseListModel::sortValue(const CaseSummary &c, int column) const
{
    switch (column) {
    case CaseNumber:
        return c.caseNumber;
    case IncidentDate:
        return c.incidentDate;
    case Victims:
        return c.victimCount;
    case Status:
        return static_cast<int>(c.status);
    case PrimaryDetective:
        return c.primaryDetective;
    case Area:
        return c.area;
    case District:
        return districtSortKey(c.district);
    case Weapon:
        return label(c.weapon);
    case OpenLeads:
        return c.openLeads;
    case OverdueLeads:
        return c.overdueLeads;
    case LastActivity:
        return QVariant::fromValue<qlonglong>(c.lastActivity);
    default:
        return {};
    }
}

QVariant CaseListModel::toolTip(const CaseSummary &c, int column) const
{
    switch (column) {
    case Victims:
        return victimList(c.victimNames);
    case Status:
        if (c.clearanceDate.isValid())
            return tr("%1 on %2").arg(label(c.status), c.clearanceDate.toString(Qt::ISODate));
        return label(c.status);
    case Weapon:
        return label(c.weapon);
    case LastActivity:
        if (c.lastActivity > 0)
            return QLocale().toString(localTime(c.lastActivity), QLocale::LongFormat);
        return tr("No recorded activity");
    case OverdueLeads:
        if (c.overdueLeads > 0)
            return tr("Open leads past their due date: %1 of %2").arg(c.overdueLeads).arg(c.openLeads);
        return {};
    default:
        return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return alignment(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CaseNumber:
        return tr("Case number");
    case IncidentDate:
        return tr("Incident date");
    case Victims:
        return tr("Victims");
    case Status:
        return tr("Status");
    case PrimaryDetective:
        return tr("Primary detective");
    case Area:
        return tr("Area");
    case District:
        return tr("District");
    case Weapon:
        return tr("Weapon");
    case OpenLeads:
        return tr("Open leads");
    case OverdueLeads:
        return tr("Overdue leads");
    case LastActivity:
        return tr("Last activity");
    default:
        return {};
    }
}

} // namespace cb::ui
