#pragma once

#include "model/domain/Domain.h"

#include <QDialog>

class QPushButton;
class QTabWidget;

namespace cb {
class CaseStore;
struct Session;
}

namespace cb::ui {

// A read-only summary of one case: its facts, victims, status history, assignments, and how many
// leads and notes it has. Reads everything once when built; throws cb::Error if the case is gone.
class CaseSummaryDialog : public QDialog {
    Q_OBJECT
public:
    CaseSummaryDialog(const CaseStore &store, Id caseId, QWidget *parent = nullptr);

    // Offers "Reassign…" (a new primary detective) when the signed-in person may assign this
    // case (model/auth/Permissions.h: sergeants); nobody else sees the button.
    void offerReassign(CaseStore &store, const Session &session);
    bool offersReassign() const;

signals:
    // The case was changed from here (reassigned); the dialog closes itself.
    void caseChanged();

private:
    QWidget *createFacts(const CaseStore &store, const CaseRecord &c, const QHash<Id, QString> &names);
    void addVictims(const QList<Victim> &victims);
    void addStatusHistory(const QList<StatusChange> &changes, const QHash<Id, QString> &names);
    void addAssignments(const QList<Assignment> &assignments, const QHash<Id, QString> &names);

    void showReassign();

    QTabWidget *m_tabs = nullptr;
    QPushButton *m_reassign = nullptr;
    CaseStore *m_store = nullptr;
    Id m_caseId = 0;
};

} // namespace cb::ui
