#pragma once

// A table of results and its three renderings for `caseboard-cli stats`: CSV (RFC 4180, rates
// as decimal fractions), JSON (an array of objects, the same keys) and an aligned text table.

#include <QStringList>
#include <QVariant>

class QTextStream;

namespace cb::cli {

struct Tabular {
    QStringList columns;
    QList<QVariantList> rows; // QVariant(): empty / null; double; qint64; QString; bool
    QStringList rateColumns;  // shown as percentages in the text table
};

void writeCsv(const Tabular &t, QTextStream &out);
void writeJson(const Tabular &t, QTextStream &out);
void writeTable(const Tabular &t, QTextStream &out);

} // namespace cb::cli
