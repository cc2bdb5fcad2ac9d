#include "ui/DemoCaseFile.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"
#include "ui/DemoFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace cb::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::ui::DemoCaseFile)
};

int caseCount(CaseFile &file)
{
    const SystemClock clock;
    const CaseStore store(file, clock);
    return store.caseCount();
}
} // namespace

demo::DemoOptions standardDemoOptions()
{
    demo::DemoOptions options;
    options.seed = 1;
    options.endDate = QDate::currentDate();
    return options;
}

DemoOpening openDemoCaseFile(const demo::DemoOptions &options)
{
    const QString path = demoFilePath();
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        throw Error(ErrorKind::Io, Tr::tr("Cannot create the folder %1 for the demo case file.").arg(dir));

    DemoOpening out;
    {
        const SecretBytes secret = SecretBytes::fromPassphrase(demoPassphrase());
        out.file = QFileInfo::exists(path) ? CaseFile::open(path, secret) : CaseFile::create(path, secret);
    }
    // Filling an empty demo here, not only a new one, lets a demo left empty by a failed run
    // get its cases the next time.
    if (caseCount(*out.file) == 0) {
        try {
            demo::generate(*out.file, options);
        } catch (const Error &e) {
            out.problem = Tr::tr("The demo case file could not be filled with cases: %1").arg(e.message());
        }
    }
    return out;
}

} // namespace cb::ui
