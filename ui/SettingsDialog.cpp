#include "ui/SettingsDialog.h"

#include "ui/SessionSettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cb::ui {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));

    m_lockMinutes = new QSpinBox(this);
    m_lockMinutes->setObjectName(QStringLiteral("lockMinutes"));
    m_lockMinutes->setRange(SessionSettings::kMinLockMinutes, SessionSettings::kMaxLockMinutes);
    m_lockMinutes->setSuffix(tr(" min"));
    m_lockMinutes->setValue(SessionSettings::lockMinutes());
    m_lockMinutes->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *lockNote = new QLabel(tr("CaseBoard locks itself after this long without keyboard or mouse use, "
                                   "and asks for the passphrase again. At most %1 minutes.")
                                    .arg(SessionSettings::kMaxLockMinutes),
                                this);
    lockNote->setWordWrap(true);
    lockNote->setForegroundRole(QPalette::PlaceholderText);

    m_automaticBackups = new QCheckBox(tr("Back up the open case file &automatically, once a day"), this);
    m_automaticBackups->setObjectName(QStringLiteral("automaticBackups"));
    m_automaticBackups->setChecked(SessionSettings::automaticBackups());
    m_backupsKept = new QSpinBox(this);
    m_backupsKept->setObjectName(QStringLiteral("backupsKept"));
    m_backupsKept->setRange(SessionSettings::kMinBackupsKept, SessionSettings::kMaxBackupsKept);
    m_backupsKept->setValue(SessionSettings::backupsToKeep());
    m_backupsKept->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(m_automaticBackups, &QCheckBox::toggled, m_backupsKept, &QWidget::setEnabled);
    m_backupsKept->setEnabled(m_automaticBackups->isChecked());
    auto *backupNote = new QLabel(tr("Automatic backups are encrypted like the case file and kept in %1.")
                                      .arg(QDir::toNativeSeparators(SessionSettings::automaticBackupsRoot())),
                                  this);
    backupNote->setWordWrap(true);
    backupNote->setForegroundRole(QPalette::PlaceholderText);
    backupNote->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Lock after:"), m_lockMinutes);
    form->addRow(QString(), lockNote);
    form->addItem(new QSpacerItem(0, 8));
    form->addRow(m_automaticBackups);
    form->addRow(tr("Backups &kept:"), m_backupsKept);
    form->addRow(QString(), backupNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void SettingsDialog::accept()
{
    SessionSettings::setLockMinutes(m_lockMinutes->value());
    SessionSettings::setAutomaticBackups(m_automaticBackups->isChecked());
    SessionSettings::setBackupsToKeep(m_backupsKept->value());
    QDialog::accept();
}

} // namespace cb::ui
