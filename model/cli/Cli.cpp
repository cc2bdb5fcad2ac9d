#include "model/cli/Cli.h"
#include <QTextStream>
namespace cb::cli {
int run(const QStringList &, QTextStream &, QTextStream &, const QProcessEnvironment &) { return UsageError; }
}
