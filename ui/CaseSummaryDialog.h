#pragma once

#include "model/domain/Domain.h"

#include <QDialog>

class QTabWidget;

namespace cb {
class CaseStore;
}

namespace cb::ui {

// A read-only summary of one case: its facts, victims, status history, assignments, and how many
// leads and notes it has. Reads everything once when built; throws cb::Error if the case is gone.
class CaseSummaryDialog : public QDialog {
    Q_OBJECT
public:
    CaseSummaryDialog(const CaseStore &store, Id caseId, QWidget *parent = nullptr);

private:
    QWidget *createFacts(const CaseStore &store, const CaseRecord &c, const QHash<Id, QString> &names);
    void addVictims(const QList<Victim> &victims);
    void addStatusHistory(const QList<StatusChange> &changes, const QHash<Id, QString> &names);
    void addAssignments(const QList<Assignment> &assignments, const QHash<Id, QString> &names);

    QTabWidget *m_tabs = nullptr;
};

} // namespace cb::ui
