#pragma once

#include "model/storage/SecretBytes.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QThread;

namespace cb {
class CaseFile;
}

namespace cb::ui {

// Offered by the unlock window when a case file cannot be opened because it is damaged: lists the
// file's automatic backups, newest first, or takes any backup file, and puts the chosen one in
// its place with Backup.h's restoreCaseFile (which checks the backup fully first and keeps the
// damaged file beside it). The work runs on a worker thread. Before anything is replaced, the
// case file itself is tried with the sign-in given (an account and its passphrase, or the recovery
// key): if it opens, it was not damaged (a mistyped passphrase looks the same as a damaged first
// page) and nothing is restored. The backup is signed in to the same way, so a file with several
// accounts restores for any of them.
// Once accepted, the dialog holds the case file, open, and (an old-format file's) passphrase.
class RestoreBackupDialog : public QDialog {
    Q_OBJECT
public:
    RestoreBackupDialog(const QString &target, const QString &backupsFolder, QWidget *parent = nullptr);
    ~RestoreBackupDialog() override;

    // Who signs in: proposed by the unlock window, changeable in the dialog.
    void setSignIn(const QString &login, bool recoveryKey);

    // The backup that Restore would use; empty when none is chosen.
    QString selectedBackup() const;
    // Chooses a backup file (put first in the list if it is not there).
    void selectBackup(const QString &path);
    int backupCount() const;
    void restore();
    bool isBusy() const { return m_thread != nullptr; }

    std::unique_ptr<CaseFile> takeCaseFile();
    SecretBytes takeSecret();
    // What happened, to tell once the case file is open.
    QString notice() const { return m_notice; }

    void reject() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void chooseFile();
    void updateRestoreButton();
    void setBusy(bool busy);

    QString m_target;
    QListWidget *m_list = nullptr;
    QLineEdit *m_login = nullptr;
    QCheckBox *m_useRecovery = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QPushButton *m_restore = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QThread *m_thread = nullptr;
    std::unique_ptr<CaseFile> m_file;
    SecretBytes m_secret;
    QString m_notice;
};

} // namespace cb::ui
