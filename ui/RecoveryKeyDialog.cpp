#include "ui/RecoveryKeyDialog.h"

#include "ui/ClipboardGuard.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>
#include <QVBoxLayout>

namespace cb::ui {

RecoveryKeyDialog::RecoveryKeyDialog(SecretBytes key, const QString &caseFilePath, ClipboardGuard *clipboard,
                                     QWidget *parent)
    : QDialog(parent), m_key(std::move(key)), m_caseFile(caseFilePath), m_clipboard(clipboard)
{
    setWindowTitle(tr("Recovery Key"));
    setObjectName(QStringLiteral("recoveryKeyDialog"));

    auto *intro = new QLabel(
        tr("<p><b>This is the recovery key of %1.</b> It opens the case file when every passphrase is lost, "
           "and an administrator can then give everyone new passphrases.</p>"
           "<p>It is shown <b>this once</b>. Keep it offline and apart from the case file, for example printed "
           "and locked in a safe: anyone who holds it can open the file.</p>")
            .arg(QFileInfo(caseFilePath).fileName().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    m_text = keyText();
    m_shown = new QLabel(m_text, this);
    m_shown->setObjectName(QStringLiteral("recoveryKey"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.3);
    m_shown->setFont(mono);
    m_shown->setAlignment(Qt::AlignCenter);
    // Not selectable: the Copy button goes through the clipboard guard, a selection would not.
    m_shown->setTextInteractionFlags(Qt::NoTextInteraction);
    m_shown->setStyleSheet(QStringLiteral("QLabel#recoveryKey { background: palette(base); border: 1px solid "
                                          "palette(mid); border-radius: 4px; padding: 10px; }"));

    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyRecoveryKey"));
    copy->setToolTip(tr("Copy the key; CaseBoard clears it from the clipboard after 30 seconds"));
    auto *printButton = new QPushButton(tr("&Print…"), this);
    printButton->setObjectName(QStringLiteral("printRecoveryKey"));
    auto *save = new QPushButton(tr("&Save to File…"), this);
    save->setObjectName(QStringLiteral("saveRecoveryKey"));
    save->setToolTip(tr("Write the key to a file only you can read, e.g. on a USB stick kept in a safe"));
    connect(copy, &QPushButton::clicked, this, &RecoveryKeyDialog::copyToClipboard);
    connect(printButton, &QPushButton::clicked, this, &RecoveryKeyDialog::print);
    connect(save, &QPushButton::clicked, this, &RecoveryKeyDialog::chooseFile);
    auto *keep = new QHBoxLayout;
    keep->addWidget(copy);
    keep->addWidget(printButton);
    keep->addWidget(save);
    keep->addStretch(1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recoveryKeyStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_stored = new QCheckBox(tr("I have stored the recovery &key"), this);
    m_stored->setObjectName(QStringLiteral("storedRecoveryKey"));

    auto *buttons = new QDialogButtonBox(this);
    m_close = buttons->addButton(tr("C&lose"), QDialogButtonBox::AcceptRole);
    m_close->setObjectName(QStringLiteral("closeRecoveryKey"));
    m_close->setEnabled(false);
    connect(m_stored, &QCheckBox::toggled, m_close, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addWidget(m_shown);
    layout->addLayout(keep);
    layout->addWidget(m_status);
    layout->addSpacing(6);
    layout->addWidget(m_stored);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

RecoveryKeyDialog::~RecoveryKeyDialog()
{
    wipe();
}

QString RecoveryKeyDialog::keyText() const
{
    return QString::fromLatin1(m_key.data(), static_cast<qsizetype>(m_key.size()));
}

QString RecoveryKeyDialog::document() const
{
    return tr("CaseBoard recovery key of %1\n\n%2\n\nIt opens the case file when every passphrase is lost; anyone "
              "who holds it can open the file. Keep it offline, apart from the case file.\n")
        .arg(QDir::toNativeSeparators(QFileInfo(m_caseFile).absoluteFilePath()), keyText());
}

bool RecoveryKeyDialog::isStored() const
{
    return m_stored->isChecked();
}

void RecoveryKeyDialog::copyToClipboard()
{
    if (m_key.isEmpty())
        return;
    QString text = keyText();
    if (m_clipboard)
        m_clipboard->copySecret(text);
    else
        QGuiApplication::clipboard()->setText(text);
    m_status->show();
    m_status->setText(tr("Copied. The clipboard is cleared in 30 seconds: paste the key where you keep it now."));
    text.fill(QChar(u' '));
}

void RecoveryKeyDialog::chooseFile()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A file name, not a sentence: not translated.
    const QString suggested =
        documents + u'/' + QFileInfo(m_caseFile).completeBaseName() + QStringLiteral("-recovery-key.txt");
    auto *dialog = new QFileDialog(this, tr("Save the Recovery Key"), suggested, tr("Text files (*.txt)"));
    dialog->setObjectName(QStringLiteral("recoveryKeyFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(QStringLiteral("txt"));
    connect(dialog, &QFileDialog::fileSelected, this, &RecoveryKeyDialog::saveTo);
    dialog->open();
}

bool RecoveryKeyDialog::saveTo(const QString &path)
{
    if (m_key.isEmpty())
        return false;
    // Written whole or not at all, and readable by its owner only from the first byte on.
    QSaveFile out(path);
    QByteArray bytes = document().toUtf8();
    bool ok = out.open(QIODevice::WriteOnly) &&
              out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
              out.write(bytes) == bytes.size() && out.commit();
    bytes.fill('\0');
    if (!ok) {
        m_status->show();
        m_status->setText(tr("The recovery key could not be saved to %1: %2")
                              .arg(QDir::toNativeSeparators(path), out.errorString()));
        return false;
    }
    m_status->show();
    m_status->setText(tr("Saved to %1 (readable by you only). Keep that file offline, apart from the case file.")
                          .arg(QDir::toNativeSeparators(path)));
    return true;
}

void RecoveryKeyDialog::print()
{
    auto *printer = new QPrinter(QPrinter::HighResolution);
    auto *dialog = new QPrintDialog(printer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, this, [printer] { delete printer; });
    connect(dialog, &QDialog::accepted, this, [this, printer] {
        QTextDocument doc;
        doc.setPlainText(document());
        doc.print(printer);
        m_status->show();
        m_status->setText(tr("Sent to the printer."));
    });
    dialog->open();
}

void RecoveryKeyDialog::done(int result)
{
    // Escape and the window's close button end up here too: not before the key is stored.
    if (!isStored())
        return;
    wipe();
    QDialog::done(result);
}

void RecoveryKeyDialog::closeEvent(QCloseEvent *event)
{
    if (!isStored()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void RecoveryKeyDialog::wipe()
{
    m_key.wipe();
    // The label lets go of its copy first, so that fill() writes over the one buffer in place.
    if (m_shown)
        m_shown->clear();
    m_text.fill(QChar(u' '));
    m_text.clear();
}

} // namespace cb::ui
