#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace cb::ui {

// Settings for sessions and backups: minutes without use before the app locks (at most 30; the
// field refuses more), and the automatic daily backups. Saved to SessionSettings on OK.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QSpinBox *m_lockMinutes = nullptr;
    QCheckBox *m_automaticBackups = nullptr;
    QSpinBox *m_backupsKept = nullptr;
};

} // namespace cb::ui
