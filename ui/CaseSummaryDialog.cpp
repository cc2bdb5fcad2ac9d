#include "ui/CaseSummaryDialog.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"
#include "ui/SessionRole.h"
#include "ui/StatusColors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cb::ui {

namespace {

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QTableWidget *readOnlyTable(const char *name, const QStringList &headers, qsizetype rows, QWidget *parent)
{
    auto *table = new QTableWidget(static_cast<int>(rows), static_cast<int>(headers.size()), parent);
    table->setObjectName(QLatin1String(name));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

void fitColumns(QTableWidget *table)
{
    table->resizeColumnsToContents();
    const int padding = table->fontMetrics().averageCharWidth() * 2;
    for (int column = 0; column < table->columnCount() - 1; ++column)
        table->setColumnWidth(column, table->columnWidth(column) + padding);
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
}

QString memberName(const QHash<Id, QString> &names, std::optional<Id> id)
{
    if (!id)
        return {};
    return names.value(*id, QStringLiteral("#%1").arg(*id));
}

} // namespace

CaseSummaryDialog::CaseSummaryDialog(const CaseStore &store, Id caseId, QWidget *parent) : QDialog(parent)
{
    const std::optional<CaseRecord> c = store.caseById(caseId);
    if (!c)
        throw Error(ErrorKind::NotFound, tr("No case with id %1.").arg(caseId));
    QHash<Id, QString> names;
    for (const Member &m : store.members())
        names.insert(m.id, m.name);

    setWindowTitle(tr("Case %1").arg(c->caseNumber));
    auto *title = new QLabel(tr("Case %1").arg(c->caseNumber), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tabs = new QTabWidget(this);
    addVictims(store.victims(caseId));
    addStatusHistory(store.statusHistory(caseId), names);
    addAssignments(store.assignments(caseId), names);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_caseId = caseId;
    m_reassign = buttons->addButton(tr("&Reassign…"), QDialogButtonBox::ActionRole);
    m_reassign->setObjectName(QStringLiteral("reassignButton"));
    m_reassign->setToolTip(tr("Give the case a new primary detective"));
    m_reassign->hide();
    connect(m_reassign, &QPushButton::clicked, this, &CaseSummaryDialog::showReassign);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(createFacts(store, *c, names));
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(760, 560);
}

QWidget *CaseSummaryDialog::createFacts(const CaseStore &store, const CaseRecord &c, const QHash<Id, QString> &names)
{
    auto *facts = new QWidget(this);
    auto *form = new QFormLayout(facts);
    form->setContentsMargins(0, 0, 0, 0);
    auto add = [&](const QString &name, const QString &value) {
        auto *valueLabel = new QLabel(value, facts);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setWordWrap(true);
        form->addRow(name, valueLabel);
        return valueLabel;
    };

    QString incident = isoDate(c.incidentDate);
    if (c.incidentTime.isValid())
        incident += QLatin1Char(' ') + c.incidentTime.toString(QStringLiteral("HH:mm"));
    add(tr("Incident:"), incident);
    add(tr("Address:"), c.address);
    QStringList where;
    if (!c.area.isEmpty())
        where << c.area;
    if (!c.district.isEmpty())
        where << tr("district %1").arg(c.district);
    if (!c.beat.isEmpty())
        where << tr("beat %1").arg(c.beat);
    add(tr("Area:"), where.join(QStringLiteral(", ")));
    add(tr("Weapon:"), label(c.weapon));
    add(tr("Circumstance:"), c.domestic ? tr("%1 (domestic)").arg(label(c.circumstance)) : label(c.circumstance));

    QString status = label(c.status);
    if (c.exceptionalCode)
        status = tr("%1 (code %2)").arg(status, key(*c.exceptionalCode));
    if (c.clearanceDate.isValid())
        status = tr("%1 on %2").arg(status, isoDate(c.clearanceDate));
    else if (c.unfoundedDate.isValid())
        status = tr("%1 on %2").arg(status, isoDate(c.unfoundedDate));
    QLabel *statusLabel = add(tr("Status:"), status);
    statusLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(statusColor(c.status).name()));

    const std::optional<Assignment> primary = store.currentPrimary(c.id);
    add(tr("Primary detective:"), primary ? memberName(names, primary->memberId) : tr("unassigned"));

    const QList<Lead> leads = store.leads(c.id);
    const QDate today = store.clock().today();
    qsizetype open = 0;
    qsizetype overdue = 0;
    for (const Lead &l : leads) {
        if (!l.isOpen())
            continue;
        ++open;
        if (l.dueDate.isValid() && l.dueDate < today)
            ++overdue;
    }
    add(tr("Leads:"), tr("%1 in all, %2 open, %3 overdue").arg(leads.size()).arg(open).arg(overdue));
    add(tr("Notes:"), QString::number(store.notes(c.id).size()));
    if (!c.summary.isEmpty())
        add(tr("Summary:"), c.summary);
    return facts;
}

void CaseSummaryDialog::addVictims(const QList<Victim> &victims)
{
    QTableWidget *table = readOnlyTable("victims", {tr("Name"), tr("Age"), tr("Sex"), tr("Race")}, victims.size(), m_tabs);
    for (int row = 0; row < victims.size(); ++row) {
        const Victim &v = victims.at(row);
        setRow(table, row,
               {v.name.isEmpty() ? tr("(name unknown)") : v.name, v.age ? QString::number(*v.age) : QString(),
                label(v.sex), label(v.race)});
    }
    fitColumns(table);
    m_tabs->addTab(table, tr("Victims (%1)").arg(victims.size()));
}

void CaseSummaryDialog::addStatusHistory(const QList<StatusChange> &changes, const QHash<Id, QString> &names)
{
    QTableWidget *table =
        readOnlyTable("statusHistory", {tr("Effective"), tr("Status"), tr("Member"), tr("Reason")}, changes.size(), m_tabs);
    for (int row = 0; row < changes.size(); ++row) {
        const StatusChange &s = changes.at(row);
        QString status = label(s.status);
        if (s.exceptionalCode)
            status = tr("%1 (code %2)").arg(status, key(*s.exceptionalCode));
        setRow(table, row, {isoDate(s.effectiveDate), status, memberName(names, s.memberId), s.reason});
        table->item(row, 1)->setIcon(statusIcon(s.status));
    }
    fitColumns(table);
    m_tabs->addTab(table, tr("Status history (%1)").arg(changes.size()));
}

void CaseSummaryDialog::addAssignments(const QList<Assignment> &assignments, const QHash<Id, QString> &names)
{
    QTableWidget *table = readOnlyTable("assignments", {tr("Detective"), tr("Role"), tr("From"), tr("To"), tr("Reason")},
                                        assignments.size(), m_tabs);
    for (int row = 0; row < assignments.size(); ++row) {
        const Assignment &a = assignments.at(row);
        QString reason = a.startReason;
        if (!a.endReason.isEmpty())
            reason = tr("%1; ended: %2").arg(reason, a.endReason);
        setRow(table, row,
               {memberName(names, a.memberId), label(a.role), isoDate(a.startDate),
                a.isOpen() ? tr("current") : isoDate(a.endDate), reason});
    }
    fitColumns(table);
    m_tabs->addTab(table, tr("Assignments (%1)").arg(assignments.size()));
}

void CaseSummaryDialog::offerReassign(CaseStore &store, const Session &session)
{
    m_store = &store;
    // The person's relation to the case, as CaseStore works it out for its own decision.
    auth::CaseRelation relation;
    relation.isCase = true;
    try {
        const std::optional<CaseRecord> c = store.caseById(m_caseId);
        relation.restricted = c && c->restricted;
        QString team;
        if (session.memberId)
            if (const std::optional<Member> me = store.member(*session.memberId))
                team = me->team;
        for (const Assignment &a : store.assignments(m_caseId)) {
            if (!a.isOpen())
                continue;
            if (session.memberId && a.memberId == *session.memberId) {
                relation.assigned = true;
            } else if (session.role == Role::Sergeant && !team.isEmpty()) {
                const std::optional<Member> m = store.member(a.memberId);
                relation.supervises = relation.supervises || (m && m->team == team);
            }
        }
    } catch (const Error &) {
        return; // what cannot be read cannot be reassigned from here
    }
    m_reassign->setVisible(sessionMay(session, auth::Permission::Assign, relation));
}

bool CaseSummaryDialog::offersReassign() const
{
    return m_reassign && !m_reassign->isHidden();
}

void CaseSummaryDialog::showReassign()
{
    if (!m_store)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("reassignDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Reassign the Case"));
    auto *to = new QComboBox(dialog);
    to->setObjectName(QStringLiteral("reassignTo"));
    const std::optional<Assignment> primary = m_store->currentPrimary(m_caseId);
    for (const Member &m : m_store->members())
        if (m.active && m.role == Role::Detective && (!primary || primary->memberId != m.id))
            to->addItem(tr("%1 (%2, %3)").arg(m.name, m.badge, m.team), QVariant::fromValue<qlonglong>(m.id));
    auto *reason = new QLineEdit(dialog);
    reason->setObjectName(QStringLiteral("reassignReason"));
    auto *error = new QLabel(dialog);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #8b1a1a;"));
    error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("New primary &detective:"), to);
    form->addRow(tr("Rea&son:"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Reassign"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, to, reason, error] {
        if (to->currentIndex() < 0)
            return;
        try {
            m_store->assign(m_caseId, to->currentData().toLongLong(), AssignmentRole::Primary, m_store->clock().today(),
                            reason->text().trimmed());
        } catch (const Error &e) {
            error->setText(e.message());
            error->show();
            return;
        }
        dialog->accept();
        emit caseChanged();
        accept();
    });
    dialog->open();
}

} // namespace cb::ui
