#include "ui/ChangePassphraseDialog.h"

#include "model/auth/Accounts.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/util/Clock.h"
#include "ui/PassphraseFields.h"
#include "ui/TakePassphrase.h"
#include "ui/WaitCursor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

ChangePassphraseDialog::ChangePassphraseDialog(std::function<CaseFile *()> file, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_file(std::move(file)), m_clock(clock)
{
    setObjectName(QStringLiteral("changePassphraseDialog"));
    const QString login = m_file()->session().login;
    setWindowTitle(tr("Change Your Passphrase"));
    auto *intro = new QLabel(tr("The new passphrase of %1 applies at once; the old one then opens nothing in this "
                                "case file. Backups made before still open with the old one.")
                                 .arg(login),
                             this);
    intro->setWordWrap(true);

    m_current = new QLineEdit(this);
    m_current->setObjectName(QStringLiteral("currentPassphrase"));
    m_current->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Current passphrase:"), m_current);
    m_new = new PassphraseFields(*form, this, tr("&New passphrase:"),
                                 {QStringLiteral("changedPassphrase"), QStringLiteral("changedPassphraseRepeat"),
                                  QStringLiteral("changedPassphraseCheck")});
    m_new->setContext({login});

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("changePassphraseError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #8b1a1a;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("C&hange Passphrase"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("confirmChangePassphrase"));
    connect(m_ok, &QPushButton::clicked, this, &ChangePassphraseDialog::change);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto enable = [this] { m_ok->setEnabled(!m_current->text().isEmpty() && m_new->problem().isEmpty()); };
    connect(m_current, &QLineEdit::textChanged, this, enable);
    connect(m_new, &PassphraseFields::changed, this, enable);
    connect(m_new, &PassphraseFields::submitted, this, &ChangePassphraseDialog::change);
    enable();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void ChangePassphraseDialog::change()
{
    const QString problem = m_current->text().isEmpty() ? tr("Enter your current passphrase.") : m_new->problem();
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    CaseFile *file = m_file();
    const QString login = file->session().login;
    try {
        const SecretBytes current = takePassphrase(*m_current);
        const SecretBytes next = m_new->take();
        const WaitCursor wait;
        // The current passphrase is checked by signing in with it, read-only, beside the open file.
        CaseFile::openReadOnly(file->path(), SignIn{login, current}).reset();
        auth::Accounts(*file, m_clock).changePassphrase(login, next);
    } catch (const Error &e) {
        m_error->setText(e.message());
        m_error->show();
        m_current->setFocus();
        return;
    }
    accept();
}

} // namespace cb::ui
