#include "model/storage/FileSync.h"

#include "model/storage/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

namespace cb::fsync {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::FileSync)
};

// Opens `native` read-only (a folder with O_DIRECTORY), fsyncs and closes it; false on failure.
bool flush(const QByteArray &native, bool directory)
{
    const int fd = ::open(native.constData(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return false;
    const int rc = ::fsync(fd);
    ::close(fd);
    return rc == 0;
}
} // namespace

void syncFile(const QString &path)
{
    if (!flush(QFile::encodeName(path), false))
        throw Error(ErrorKind::Io, Tr::tr("Cannot flush %1 to disk.").arg(path));
}

void syncFolderOf(const QString &path)
{
    if (!flush(QFile::encodeName(QFileInfo(path).absolutePath()), true))
        throw Error(ErrorKind::Io, Tr::tr("Cannot flush the folder of %1 to disk.").arg(path));
}

} // namespace cb::fsync
