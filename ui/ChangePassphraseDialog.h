#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cb {
class CaseFile;
class Clock;
} // namespace cb

namespace cb::ui {

class PassphraseFields;

// Changes the signed-in person's own passphrase (auth::Accounts::changePassphrase: atomic, and the
// old passphrase unwraps nothing in this file afterwards). The current passphrase is asked first,
// so that someone at an unattended, unlocked window cannot take the account over; a wrong one
// counts as a failed sign-in.
class ChangePassphraseDialog : public QDialog {
    Q_OBJECT
public:
    ChangePassphraseDialog(std::function<CaseFile *()> file, const Clock &clock, QWidget *parent = nullptr);
    void change();

private:
    std::function<CaseFile *()> m_file;
    const Clock &m_clock;
    QLineEdit *m_current = nullptr;
    PassphraseFields *m_new = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace cb::ui
