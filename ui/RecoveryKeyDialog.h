#pragma once

#include "model/storage/SecretBytes.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace cb::ui {

class ClipboardGuard;

// Shows a case file's recovery key, the one time it is shown: what it is for, and ways to keep
// it (copy through the ClipboardGuard, which clears it after 30 s; print; save to a file the user
// chooses, owner-only, written atomically). It cannot be closed until "I have stored the recovery
// key" is ticked. The key's bytes are wiped when the dialog closes.
class RecoveryKeyDialog : public QDialog {
    Q_OBJECT
public:
    RecoveryKeyDialog(SecretBytes key, const QString &caseFilePath, ClipboardGuard *clipboard,
                      QWidget *parent = nullptr);
    ~RecoveryKeyDialog() override;

    void copyToClipboard();
    // Writes the key to `path` (QSaveFile, owner-only); false with the reason shown when it fails.
    bool saveTo(const QString &path);
    bool isStored() const;
    // Whether the key is still held (it is wiped on close).
    bool holdsKey() const { return !m_key.isEmpty(); }

    void done(int result) override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QString keyText() const;
    QString document() const;
    void chooseFile();
    void print();
    void wipe();

    SecretBytes m_key;
    QString m_text; // what the label shows, overwritten on close
    QString m_caseFile;
    ClipboardGuard *m_clipboard = nullptr;
    QLabel *m_shown = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_stored = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace cb::ui
