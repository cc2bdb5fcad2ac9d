#include "model/util/ProcessHardening.h"

#include <QCoreApplication>
#include <QStringList>

#include <cerrno>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace cb {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::ProcessHardening)
};

QString describeErrno(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}
} // namespace

QString HardeningResult::describe() const
{
    QStringList problems;
    if (setrlimitErrno != 0)
        problems << Tr::tr("Cannot turn core dumps off (setrlimit): %1").arg(describeErrno(setrlimitErrno));
    if (prctlErrno != 0)
        problems << Tr::tr("Cannot mark the process as not dumpable (prctl): %1").arg(describeErrno(prctlErrno));
    return problems.join(QLatin1Char('\n'));
}

HardeningResult disableCoreDumps()
{
    HardeningResult result;
    const rlimit noCore{0, 0};
    if (::setrlimit(RLIMIT_CORE, &noCore) != 0)
        result.setrlimitErrno = errno;
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        result.prctlErrno = errno;
    return result;
}

CoreDumpState coreDumpState()
{
    CoreDumpState state;
    rlimit limit{};
    if (::getrlimit(RLIMIT_CORE, &limit) == 0)
        state.coreLimitZero = limit.rlim_cur == 0 && limit.rlim_max == 0;
    state.dumpable = ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
    return state;
}

} // namespace cb
