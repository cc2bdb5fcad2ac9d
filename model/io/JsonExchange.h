#pragma once

// CaseBoard's full-fidelity JSON exchange format (docs/json-format.md): every row of every
// table, the audit trail included, so that export -> import -> export loses nothing.

#include <QString>

class QIODevice;

namespace cb {
class CaseStore;
}

namespace cb::io {

struct ExchangeSummary {
    int members = 0;
    int cases = 0;
    int victims = 0;
    int leads = 0;
    int notes = 0;
    int auditEntries = 0;
};

// Writes the whole case file. Records an 'export' event in the audit trail after writing.
ExchangeSummary exportJson(CaseStore &store, QIODevice &out);

// Reads a whole export into an empty case file, in one transaction: any problem (bad JSON, a
// missing or mistyped field, a broken reference, a newer format) throws cb::Error of kind
// Invalid naming the place (e.g. "cases[12].incident_date: not a date") and changes nothing.
// Records an 'import' event naming sourceName.
ExchangeSummary importJson(CaseStore &store, QIODevice &in, const QString &sourceName);

} // namespace cb::io
