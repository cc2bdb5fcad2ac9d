#pragma once

#include "model/storage/SecretBytes.h"

class QLineEdit;

namespace cb::ui {

// Moves the passphrase out of a field into SecretBytes: the field is emptied, and the one copy
// of the text left (ours, once the field has let go of it) is overwritten before it is freed.
SecretBytes takePassphrase(QLineEdit &field);

} // namespace cb::ui
