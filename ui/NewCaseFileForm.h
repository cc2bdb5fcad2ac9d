#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cb {
class CaseFile;
class SecretBytes;
}

namespace cb::ui {

// Where a new case file goes and its passphrase, typed twice, with the passphrase rules checked
// as the user types.
class NewCaseFileForm : public QWidget {
    Q_OBJECT
public:
    explicit NewCaseFileForm(QWidget *parent = nullptr);

    // Empties the form and proposes a place for the new file.
    void reset(const QString &suggestedPath);
    void focusFirstField();
    // Why the file cannot be created yet: the passphrase rules, a mismatch, no path. Empty when it can.
    QString problem() const;
    // Creates the case file (throws cb::Error); check problem() first. Empties the passphrase fields
    // and hands the passphrase over in `passphrase` (backups are keyed with it).
    std::unique_ptr<CaseFile> createFile(SecretBytes &passphrase);
    QString path() const;

signals:
    void submitted();
    void cancelled();

private:
    void browse();
    void updateCheck();
    void clearPassphrases();

    QLineEdit *m_path = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_check = nullptr;
    QPushButton *m_create = nullptr;
};

} // namespace cb::ui
