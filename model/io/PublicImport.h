#pragma once

// Importers for the two public homicide files (docs/import.md, shared data/README.md): the
// Washington Post's "Murder with Impunity" file and the City of Chicago Data Portal's crimes
// extract. Both are one row per victim; the Chicago file groups victims under a case number.

#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace cb {
class CaseStore;
}

namespace cb::io {

enum class PublicFormat { Wapo, ChicagoPortal };

// "wapo", "chicago-portal" (command-line keys and the cases' source); nullopt for anything else.
std::optional<PublicFormat> publicFormatFromKey(const QString &key);
QString publicFormatKey(PublicFormat format);

struct PublicImportOptions {
    PublicFormat format = PublicFormat::Wapo;
    QString city; // wapo only: import only rows of this city (case-insensitive); empty = all
    bool skipBad = false;
    QString fileName; // for messages
};

// One problem with one row (or one note about it), e.g. "line 12: reported_date: ...".
struct RowProblem {
    qint64 line = 0;
    QString field; // the file's column name, or "row" for the row as a whole
    QString reason;
    QString text() const;
};

struct PublicImportReport {
    qint64 rows = 0;         // data rows read (not counting the header and empty lines)
    qint64 casesCreated = 0; // new cases
    qint64 casesUpdated = 0; // cases that were there and got new victims
    qint64 victimsAdded = 0; // victims written (those of new cases included)
    qint64 unchanged = 0;    // cases that were there with all their victims
    qint64 skipped = 0;      // bad rows left out (skipBad only)
    qint64 filteredOut = 0;  // rows of other cities (city filter only)
    QList<RowProblem> problems; // the bad rows (skipBad only; without it they are thrown)
    QList<RowProblem> warnings; // imported, but worth a look: text that was not valid UTF-8
};

// Reads the whole file, checks every row, then writes every case in one transaction, with an
// 'import' event in the audit trail. The store's actor is the caller's.
// All or nothing by default: any bad row throws cb::Error(ErrorKind::Invalid) whose message is
// "<file>: N bad rows" followed by one "line N: field: reason" line per problem, and the case
// file is unchanged. With skipBad the good rows are imported and the problems returned in the
// report. A wrong header, an unreadable file or a city that no row has is an error either way.
// Importing the same file again adds nothing (cases by case number, victims by their record id).
PublicImportReport importPublic(CaseStore &store, QIODevice &in, const PublicImportOptions &options);

} // namespace cb::io
