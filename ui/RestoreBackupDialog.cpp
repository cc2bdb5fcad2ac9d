#include "ui/RestoreBackupDialog.h"

#include "model/storage/AutoBackup.h"
#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "ui/TakePassphrase.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace cb::ui {

namespace {

constexpr int kPathRole = Qt::UserRole;

// The file restoreCaseFile moved aside most recently: <target>.before-restore-<UTC time>[-n].
QString keptAside(const QString &target)
{
    const QFileInfo info(target);
    const QString prefix = info.fileName() + QStringLiteral(".before-restore-");
    QStringList names = info.dir().entryList({prefix + u'*'}, QDir::Files, QDir::Name);
    names.removeIf([](const QString &n) { return n.endsWith(u"-wal") || n.endsWith(u"-shm"); });
    return names.isEmpty() ? QString() : info.dir().absoluteFilePath(names.last());
}

bool worthRestoring(ErrorKind kind)
{
    return kind == ErrorKind::Damaged || kind == ErrorKind::NotACaseFile || kind == ErrorKind::WrongPassphrase ||
           kind == ErrorKind::NotFound;
}

} // namespace

RestoreBackupDialog::RestoreBackupDialog(const QString &target, const QString &backupsFolder, QWidget *parent)
    : QDialog(parent), m_target(target)
{
    setWindowTitle(tr("Restore from Backup"));

    auto *intro = new QLabel(tr("Choose a backup to put in the place of %1. The backup is checked in full "
                                "first; the damaged file is kept beside it, not deleted.")
                                 .arg(QDir::toNativeSeparators(target)),
                             this);
    intro->setWordWrap(true);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("backups"));
    const QLocale locale;
    for (const autobackup::Entry &e : autobackup::list(backupsFolder)) {
        const QFileInfo info(e.path);
        auto *item = new QListWidgetItem(tr("%1 — automatic backup, %2")
                                             .arg(locale.toString(e.takenUtc.toLocalTime(), QLocale::LongFormat),
                                                  locale.formattedDataSize(info.size())),
                                         m_list);
        item->setData(kPathRole, e.path);
        item->setToolTip(QDir::toNativeSeparators(e.path));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    auto *none = new QLabel(tr("There are no automatic backups of this case file. Choose a backup file."), this);
    none->setObjectName(QStringLiteral("noBackups"));
    none->setWordWrap(true);
    none->setVisible(m_list->count() == 0);

    auto *other = new QPushButton(tr("&Other Backup File…"), this);
    other->setObjectName(QStringLiteral("otherBackupButton"));
    connect(other, &QPushButton::clicked, this, &RestoreBackupDialog::chooseFile);
    auto *otherRow = new QHBoxLayout;
    otherRow->addStretch(1);
    otherRow->addWidget(other);

    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("restoreLogin"));
    m_login->setPlaceholderText(tr("Your badge number or account name"));
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("restorePassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_useRecovery = new QCheckBox(tr("Use the recovery &key instead"), this);
    m_useRecovery->setObjectName(QStringLiteral("restoreWithRecoveryKey"));
    connect(m_useRecovery, &QCheckBox::toggled, m_login, &QWidget::setDisabled);
    auto *form = new QFormLayout;
    form->addRow(tr("&Account:"), m_login);
    form->addRow(tr("&Passphrase or key:"), m_passphrase);
    form->addRow(QString(), m_useRecovery);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("restoreError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel#restoreError { color: #8b1a1a; background: #fbe3e3; "
                                          "border: 1px solid #e8b4b4; border-radius: 4px; padding: 6px; }"));
    m_error->hide();

    auto *bar = new QProgressBar(this);
    bar->setObjectName(QStringLiteral("restoreBusy"));
    bar->setRange(0, 0); // no steps to report: an endless "working" bar
    bar->setTextVisible(false);
    bar->hide();
    m_busy = bar;

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setDefault(true);
    connect(m_restore, &QPushButton::clicked, this, &RestoreBackupDialog::restore);
    connect(buttons, &QDialogButtonBox::rejected, this, &RestoreBackupDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &RestoreBackupDialog::updateRestoreButton);
    connect(m_passphrase, &QLineEdit::textChanged, this, &RestoreBackupDialog::updateRestoreButton);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &RestoreBackupDialog::restore);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(none);
    layout->addLayout(otherRow);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    updateRestoreButton();
    m_passphrase->setFocus();
}

RestoreBackupDialog::~RestoreBackupDialog()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void RestoreBackupDialog::setSignIn(const QString &login, bool recoveryKey)
{
    m_login->setText(login);
    m_useRecovery->setChecked(recoveryKey);
}

QString RestoreBackupDialog::selectedBackup() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kPathRole).toString() : QString();
}

int RestoreBackupDialog::backupCount() const
{
    return m_list->count();
}

void RestoreBackupDialog::selectBackup(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kPathRole).toString() == absolute) {
            m_list->setCurrentRow(i);
            return;
        }
    }
    auto *item = new QListWidgetItem(QDir::toNativeSeparators(absolute));
    item->setData(kPathRole, absolute);
    item->setToolTip(QDir::toNativeSeparators(absolute));
    m_list->insertItem(0, item);
    m_list->setCurrentRow(0);
}

void RestoreBackupDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose a Backup"), QFileInfo(m_target).absolutePath(),
                                   tr("Case files (*.caseboard);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &RestoreBackupDialog::selectBackup);
    dialog->open();
}

void RestoreBackupDialog::updateRestoreButton()
{
    m_restore->setEnabled(!isBusy() && !selectedBackup().isEmpty() && !m_passphrase->text().isEmpty());
}

void RestoreBackupDialog::setBusy(bool busy)
{
    m_list->setEnabled(!busy);
    m_login->setEnabled(!busy && !m_useRecovery->isChecked());
    m_useRecovery->setEnabled(!busy);
    m_passphrase->setEnabled(!busy);
    m_busy->setVisible(busy);
    updateRestoreButton();
}

void RestoreBackupDialog::restore()
{
    const QString backup = selectedBackup();
    if (isBusy() || backup.isEmpty() || m_passphrase->text().isEmpty())
        return;
    m_error->hide();

    struct Outcome {
        std::unique_ptr<CaseFile> file;
        QString notice;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    auto secret = std::make_shared<SecretBytes>(takePassphrase(*m_passphrase));
    const QString target = m_target;
    const bool recovery = m_useRecovery->isChecked();
    const QString login = recovery ? QString() : m_login->text().trimmed();
    m_thread = QThread::create([outcome, secret, backup, target, login, recovery] {
        const SignIn signIn{login, *secret, recovery};
        try {
            try {
                outcome->file = CaseFile::open(target, signIn);
                outcome->notice = tr("%1 opened with this passphrase, so it is not damaged: nothing was restored.")
                                      .arg(QDir::toNativeSeparators(target));
                return;
            } catch (const Error &e) {
                if (!worthRestoring(e.kind()))
                    throw;
            }
            restoreCaseFile(backup, target, signIn);
            const QString aside = keptAside(target);
            outcome->file = CaseFile::open(target, signIn);
            outcome->notice = aside.isEmpty()
                                  ? tr("%1 was restored from the backup %2.")
                                        .arg(QDir::toNativeSeparators(target), QDir::toNativeSeparators(backup))
                                  : tr("%1 was restored from the backup %2. The damaged file was kept as %3.")
                                        .arg(QDir::toNativeSeparators(target), QDir::toNativeSeparators(backup),
                                             QDir::toNativeSeparators(aside));
        } catch (const Error &e) {
            outcome->error = e.message();
        } catch (const std::exception &e) {
            outcome->error = tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what()));
        }
    });
    connect(m_thread, &QThread::finished, this, [this, outcome, secret] {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        setBusy(false);
        if (!outcome->error.isEmpty()) {
            secret->wipe();
            m_error->setText(outcome->error);
            m_error->show();
            m_passphrase->setFocus();
            return;
        }
        m_file = std::move(outcome->file);
        // Only an old-format file's copies are keyed with the passphrase; nothing else keeps it.
        if (m_file && m_file->session().legacy)
            m_secret = std::move(*secret);
        else
            secret->wipe();
        m_notice = outcome->notice;
        QDialog::accept();
    });
    setBusy(true);
    m_thread->start();
}

std::unique_ptr<CaseFile> RestoreBackupDialog::takeCaseFile()
{
    return std::move(m_file);
}

SecretBytes RestoreBackupDialog::takeSecret()
{
    return std::move(m_secret);
}

void RestoreBackupDialog::reject()
{
    // The restore replaces a file; it is not left half-watched.
    if (!isBusy())
        QDialog::reject();
}

void RestoreBackupDialog::closeEvent(QCloseEvent *event)
{
    if (isBusy())
        event->ignore();
    else
        QDialog::closeEvent(event);
}

} // namespace cb::ui
