#pragma once

#include "model/storage/CaseFile.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cb::ui {

class PassphraseFields;

// Where a new case file goes and its administrator: the account name (a badge, or "admin"), the
// administrator's full name (they become a member of the unit with the role Administrator) and
// their passphrase, typed twice, with the passphrase rules checked as the user types.
class NewCaseFileForm : public QWidget {
    Q_OBJECT
public:
    explicit NewCaseFileForm(QWidget *parent = nullptr);

    // Empties the form and proposes a place for the new file.
    void reset(const QString &suggestedPath);
    void focusFirstField();
    // Why the file cannot be created yet: no path, the passphrase rules, a mismatch, no account
    // name or full name. Empty when it can.
    QString problem() const;
    // Creates the case file through CaseFile::create(path, login, name, passphrase) (throws
    // cb::Error); check problem() first. Empties the passphrase fields. The result holds the
    // file, signed in as the administrator, and the recovery key to show once.
    CaseFile::Created createFile();
    QString path() const;
    QString login() const;

signals:
    void submitted();
    void cancelled();

private:
    void browse();
    void updateCheck();

    QLineEdit *m_path = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    PassphraseFields *m_passphrase = nullptr;
    QPushButton *m_create = nullptr;
};

} // namespace cb::ui
