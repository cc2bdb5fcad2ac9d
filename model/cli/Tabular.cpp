#include "model/cli/Tabular.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace cb::cli {

namespace {

QString plain(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QString();
    switch (v.typeId()) {
    case QMetaType::Double:
        // Enough digits to recompute any figure; no exponent.
        return QString::number(v.toDouble(), 'f', 6);
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return v.toString();
    }
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

void writeCsv(const Tabular &t, QTextStream &out)
{
    out << t.columns.join(u',') << '\n';
    for (const QVariantList &row : t.rows) {
        QStringList fields;
        for (const QVariant &v : row)
            fields << csvField(plain(v));
        out << fields.join(u',') << '\n';
    }
}

void writeJson(const Tabular &t, QTextStream &out)
{
    QJsonArray array;
    for (const QVariantList &row : t.rows) {
        QJsonObject o;
        for (int i = 0; i < t.columns.size() && i < row.size(); ++i) {
            const QVariant &v = row.at(i);
            o.insert(t.columns.at(i), (!v.isValid() || v.isNull()) ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(v));
        }
        array.append(o);
    }
    out << QJsonDocument(array).toJson(QJsonDocument::Indented);
}

void writeTable(const Tabular &t, QTextStream &out)
{
    QList<QStringList> cells;
    QList<int> widths;
    for (const QString &c : t.columns)
        widths << static_cast<int>(c.size());
    for (const QVariantList &row : t.rows) {
        QStringList line;
        for (int i = 0; i < row.size(); ++i) {
            const QVariant &v = row.at(i);
            QString s;
            if (t.rateColumns.contains(t.columns.value(i)) && v.isValid() && !v.isNull())
                s = QString::number(v.toDouble() * 100.0, 'f', 1) + u'%';
            else
                s = plain(v);
            widths[i] = std::max(widths[i], static_cast<int>(s.size()));
            line << s;
        }
        cells << line;
    }
    auto writeLine = [&](const QStringList &line) {
        QStringList padded;
        for (int i = 0; i < line.size(); ++i)
            padded << (i == 0 ? line[i].leftJustified(widths[i]) : line[i].rightJustified(widths[i]));
        out << padded.join(QStringLiteral("  ")) << '\n';
    };
    writeLine(t.columns);
    for (const QStringList &line : cells)
        writeLine(line);
}

} // namespace cb::cli
