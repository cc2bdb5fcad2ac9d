#pragma once

class QCoreApplication;

namespace cb {

// Loads CaseBoard's and Qt's translations for the system locale (or CASEBOARD_LANG, e.g. "es").
void installTranslations(QCoreApplication &app);

} // namespace cb
