#include "ui/NewCaseFileForm.h"

#include "model/storage/SecretBytes.h"
#include "ui/PassphraseFields.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

namespace {
QString withSuffix(const QString &path)
{
    return QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".caseboard") : path;
}
} // namespace

NewCaseFileForm::NewCaseFileForm(QWidget *parent) : QWidget(parent)
{
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("newPath"));
    auto *browse = new QPushButton(tr("B&rowse…"), this);
    connect(browse, &QPushButton::clicked, this, &NewCaseFileForm::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("adminLogin"));
    m_login->setToolTip(tr("The administrator's account name: their badge number, or \"admin\". Others get "
                           "their accounts from the administrator later."));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("adminName"));
    m_name->setToolTip(tr("The administrator becomes a member of the unit under this name"));

    auto *pathLabel = new QLabel(tr("&Save as:"), this);
    pathLabel->setBuddy(m_path);
    auto *form = new QFormLayout;
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("Administrator's &account:"), m_login);
    form->addRow(tr("Full &name:"), m_name);
    m_passphrase = new PassphraseFields(*form, this, tr("&Passphrase:"),
                                        {QStringLiteral("newPassphrase"), QStringLiteral("newPassphraseRepeat"),
                                         QStringLiteral("passphraseCheck")});
    m_passphrase->setAcceptedText(
        tr("Keep the passphrase safe. The next step shows the recovery key, which opens the file if every "
           "passphrase is lost."));

    m_create = new QPushButton(tr("&Create Case File"), this);
    m_create->setObjectName(QStringLiteral("createFileButton"));
    m_create->setDefault(true);
    auto *back = new QPushButton(tr("&Back"), this);
    back->setObjectName(QStringLiteral("backButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch(1);
    buttons->addWidget(m_create);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_path, &QLineEdit::textChanged, this, &NewCaseFileForm::updateCheck);
    connect(m_login, &QLineEdit::textChanged, this, &NewCaseFileForm::updateCheck);
    connect(m_name, &QLineEdit::textChanged, this, &NewCaseFileForm::updateCheck);
    connect(m_passphrase, &PassphraseFields::changed, this, &NewCaseFileForm::updateCheck);
    connect(m_passphrase, &PassphraseFields::submitted, this, &NewCaseFileForm::submitted);
    connect(m_create, &QPushButton::clicked, this, &NewCaseFileForm::submitted);
    connect(back, &QPushButton::clicked, this, &NewCaseFileForm::cancelled);
    reset(QString());
}

void NewCaseFileForm::reset(const QString &suggestedPath)
{
    m_path->setText(suggestedPath);
    // The defaults of `caseboard-cli init`; a badge number is as good a login.
    m_login->setText(QStringLiteral("admin"));
    m_name->setText(tr("Administrator"));
    m_passphrase->clear();
}

void NewCaseFileForm::focusFirstField()
{
    m_passphrase->setFocus();
}

QString NewCaseFileForm::path() const
{
    return withSuffix(m_path->text().trimmed());
}

QString NewCaseFileForm::login() const
{
    return m_login->text().trimmed();
}

QString NewCaseFileForm::problem() const
{
    if (m_path->text().trimmed().isEmpty())
        return tr("Choose where to save the new case file.");
    const QString reason = m_passphrase->problem();
    if (!reason.isEmpty())
        return reason;
    if (login().isEmpty())
        return tr("Enter the administrator's account name (a badge number, or \"admin\").");
    if (m_name->text().trimmed().isEmpty())
        return tr("Enter the administrator's full name.");
    return {};
}

void NewCaseFileForm::updateCheck()
{
    // A passphrase must not be made of the login or the name (NIST SP 800-63B).
    const QStringList context{login(), m_name->text().trimmed()};
    if (sender() != m_passphrase)
        m_passphrase->setContext(context); // emits changed(), which comes back here
    m_create->setEnabled(problem().isEmpty());
}

void NewCaseFileForm::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("New Case File"), m_path->text(),
                                                        tr("Case files (*.caseboard)"));
    if (!chosen.isEmpty())
        m_path->setText(withSuffix(chosen));
}

CaseFile::Created NewCaseFileForm::createFile()
{
    const SecretBytes secret = m_passphrase->take();
    return CaseFile::create(path(), login(), m_name->text().trimmed(), secret);
}

} // namespace cb::ui
