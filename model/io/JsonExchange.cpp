#include "model/io/JsonExchange.h"

#include "model/storage/Error.h"

namespace cb::io {
// Placeholder while the implementation is being written.
ExchangeSummary exportJson(CaseStore &, QIODevice &)
{
    throw Error(ErrorKind::Refused, QStringLiteral("not implemented yet"));
}
ExchangeSummary importJson(CaseStore &, QIODevice &, const QString &)
{
    throw Error(ErrorKind::Refused, QStringLiteral("not implemented yet"));
}
} // namespace cb::io
