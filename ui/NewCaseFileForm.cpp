#include "ui/NewCaseFileForm.h"

#include "model/storage/CaseFile.h"
#include "model/storage/SecretBytes.h"
#include "ui/TakePassphrase.h"

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

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("newPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("newPassphraseRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);

    m_check = new QLabel(this);
    m_check->setObjectName(QStringLiteral("passphraseCheck"));
    m_check->setWordWrap(true);
    // The longest message must not change the window's height as the user types.
    m_check->setMinimumHeight(m_check->fontMetrics().lineSpacing() * 2);
    m_check->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *pathLabel = new QLabel(tr("&Save as:"), this);
    pathLabel->setBuddy(m_path);
    auto *form = new QFormLayout;
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("&Repeat it:"), m_repeat);
    form->addRow(QString(), m_check);

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
    connect(m_passphrase, &QLineEdit::textChanged, this, &NewCaseFileForm::updateCheck);
    connect(m_repeat, &QLineEdit::textChanged, this, &NewCaseFileForm::updateCheck);
    connect(m_repeat, &QLineEdit::returnPressed, this, &NewCaseFileForm::submitted);
    connect(m_create, &QPushButton::clicked, this, &NewCaseFileForm::submitted);
    connect(back, &QPushButton::clicked, this, &NewCaseFileForm::cancelled);
    updateCheck();
}

void NewCaseFileForm::reset(const QString &suggestedPath)
{
    m_path->setText(suggestedPath);
    clearPassphrases();
}

void NewCaseFileForm::focusFirstField()
{
    m_passphrase->setFocus();
}

QString NewCaseFileForm::path() const
{
    return withSuffix(m_path->text().trimmed());
}

QString NewCaseFileForm::problem() const
{
    if (m_path->text().trimmed().isEmpty())
        return tr("Choose where to save the new case file.");
    const QString reason = PassphrasePolicy::check(m_passphrase->text());
    if (!reason.isEmpty())
        return reason;
    if (m_repeat->text() != m_passphrase->text())
        return tr("The two passphrases differ.");
    return {};
}

void NewCaseFileForm::updateCheck()
{
    const QString problem = this->problem();
    m_create->setEnabled(problem.isEmpty());
    if (m_passphrase->text().isEmpty()) {
        m_check->setText(tr("At least %1 characters. A few unrelated words with spaces make a good passphrase.")
                             .arg(PassphrasePolicy::kMinLength));
        m_check->setForegroundRole(QPalette::PlaceholderText);
    } else if (!problem.isEmpty()) {
        m_check->setText(m_repeat->text().isEmpty() && PassphrasePolicy::check(m_passphrase->text()).isEmpty()
                             ? tr("Type the passphrase again.")
                             : problem);
        m_check->setForegroundRole(QPalette::WindowText);
    } else {
        m_check->setText(tr("Keep the passphrase safe: nobody can recover a case file without it."));
        m_check->setForegroundRole(QPalette::WindowText);
    }
}

void NewCaseFileForm::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("New Case File"), m_path->text(),
                                                        tr("Case files (*.caseboard)"));
    if (!chosen.isEmpty())
        m_path->setText(withSuffix(chosen));
}

std::unique_ptr<CaseFile> NewCaseFileForm::createFile(SecretBytes &passphrase)
{
    m_repeat->clear();
    SecretBytes secret = takePassphrase(*m_passphrase);
    std::unique_ptr<CaseFile> file = CaseFile::create(path(), secret);
    passphrase = std::move(secret);
    return file;
}

void NewCaseFileForm::clearPassphrases()
{
    m_passphrase->clear();
    m_repeat->clear();
}

} // namespace cb::ui
