#pragma once

#include "model/storage/SecretBytes.h"

#include <QObject>
#include <QStringList>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace cb::ui {

// A new passphrase typed twice, with PassphrasePolicy checked as the user types: the rows
// "Passphrase", "Repeat it" and the feedback line, added to a form. Used wherever a passphrase is
// chosen (a new case file, a new account, a changed passphrase).
class PassphraseFields : public QObject {
    Q_OBJECT
public:
    // `names`: object names of the first field, the repeat field and the feedback label.
    PassphraseFields(QFormLayout &form, QWidget *owner, const QString &label, const QStringList &names);

    // Words the passphrase must not be made of (the login, the person's name).
    void setContext(const QStringList &context);
    // Shown once the passphrase is acceptable.
    void setAcceptedText(const QString &text);
    // The rule the passphrase breaks, or that the two differ; empty when acceptable.
    QString problem() const;
    bool isEmpty() const;
    // Empties both fields and hands the passphrase over; check problem() first.
    SecretBytes take();
    void clear();
    void setFocus();
    QLineEdit *firstField() const { return m_first; }
    void updateCheck();

signals:
    void changed();
    // Return pressed in the repeat field.
    void submitted();

private:
    QLineEdit *m_first = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_check = nullptr;
    QStringList m_context;
    QString m_acceptedText;
};

} // namespace cb::ui
