#include "ui/TakePassphrase.h"

#include <QLineEdit>

namespace cb::ui {

SecretBytes takePassphrase(QLineEdit &field)
{
    QString text = field.text();
    field.clear();
    SecretBytes secret = SecretBytes::fromPassphrase(text);
    // Now that the field has dropped its reference, fill() writes over the shared buffer
    // in place instead of detaching into a fresh copy.
    text.fill(QChar(u' '));
    text.clear();
    return secret;
}

} // namespace cb::ui
