#pragma once

#include <QDialog>
#include <QStringList>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace cb {
class CaseFile;
class Clock;
} // namespace cb

namespace cb::ui {

// The accounts of the open case file, for an administrator (or a recovery-key session): the list
// (locked ones marked), adding one (a login, which is a member's badge, and an initial passphrase
// with the rules checked as it is typed; a new member too when nobody has that badge), removing one
// (after a confirmation; the file is re-keyed, which the window does, see Access::remove), and
// releasing a locked account. The model refuses anything the session may not do; its messages are
// shown as they are.
class AccountsDialog : public QDialog {
    Q_OBJECT
public:
    struct Access {
        // The open case file now (removing an account replaces it); never null while the dialog is up.
        std::function<CaseFile *()> file;
        // Removes the account and re-keys the file (auth::Accounts::remove); throws cb::Error.
        std::function<void(const QString &login)> remove;
    };
    AccountsDialog(Access access, const Clock &clock, QWidget *parent = nullptr);

    void refresh();
    QStringList logins() const;
    // The actions behind the buttons, without their confirmations (tests call them directly).
    bool removeAccount(const QString &login);
    bool releaseAccount(const QString &login);
    // Opens the dialog that adds an account.
    void showAddAccount();

private:
    QString selectedLogin() const;
    void confirmRemove();
    void updateButtons();
    void showStatus(const QString &text, bool error);

    Access m_access;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_release = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cb::ui
