#include "ui/PassphraseFields.h"

#include "model/auth/PassphrasePolicy.h"
#include "ui/TakePassphrase.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace cb::ui {

PassphraseFields::PassphraseFields(QFormLayout &form, QWidget *owner, const QString &label, const QStringList &names)
    : QObject(owner), m_acceptedText(tr("The passphrase meets the rules."))
{
    m_first = new QLineEdit(owner);
    m_first->setObjectName(names.value(0));
    m_first->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(owner);
    m_repeat->setObjectName(names.value(1));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_check = new QLabel(owner);
    m_check->setObjectName(names.value(2));
    m_check->setWordWrap(true);
    // The longest message must not change the window's height as the user types.
    m_check->setMinimumHeight(m_check->fontMetrics().lineSpacing() * 2);
    m_check->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    form.addRow(label, m_first);
    form.addRow(tr("&Repeat it:"), m_repeat);
    form.addRow(QString(), m_check);

    connect(m_first, &QLineEdit::textChanged, this, &PassphraseFields::updateCheck);
    connect(m_repeat, &QLineEdit::textChanged, this, &PassphraseFields::updateCheck);
    connect(m_repeat, &QLineEdit::returnPressed, this, &PassphraseFields::submitted);
    updateCheck();
}

void PassphraseFields::setContext(const QStringList &context)
{
    m_context = context;
    updateCheck();
}

void PassphraseFields::setAcceptedText(const QString &text)
{
    m_acceptedText = text;
    updateCheck();
}

QString PassphraseFields::problem() const
{
    const QString reason = PassphrasePolicy::check(m_first->text(), m_context);
    if (!reason.isEmpty())
        return reason;
    if (m_repeat->text() != m_first->text())
        return tr("The two passphrases differ.");
    return {};
}

bool PassphraseFields::isEmpty() const
{
    return m_first->text().isEmpty();
}

void PassphraseFields::updateCheck()
{
    const QString problem = this->problem();
    if (m_first->text().isEmpty()) {
        m_check->setText(tr("At least %1 characters. A few unrelated words with spaces make a good passphrase.")
                             .arg(PassphrasePolicy::kMinLength));
        m_check->setForegroundRole(QPalette::PlaceholderText);
    } else if (!problem.isEmpty()) {
        m_check->setText(m_repeat->text().isEmpty() && PassphrasePolicy::check(m_first->text(), m_context).isEmpty()
                             ? tr("Type the passphrase again.")
                             : problem);
        m_check->setForegroundRole(QPalette::WindowText);
    } else {
        m_check->setText(m_acceptedText);
        m_check->setForegroundRole(QPalette::WindowText);
    }
    emit changed();
}

SecretBytes PassphraseFields::take()
{
    m_repeat->clear();
    return takePassphrase(*m_first);
}

void PassphraseFields::clear()
{
    m_first->clear();
    m_repeat->clear();
}

void PassphraseFields::setFocus()
{
    m_first->setFocus();
}

} // namespace cb::ui
