#include "ui/BackupRunner.h"

#include "model/storage/AutoBackup.h"
#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QThread>

namespace cb::ui {

struct BackupRunner::Outcome {
    bool written = false;
    QString path;
    QString error;
    QStringList pruned;
};

BackupRunner::BackupRunner(QString caseFilePath, SecretBytes passphrase, QObject *parent)
    : QObject(parent), m_path(std::move(caseFilePath)), m_passphrase(std::move(passphrase))
{
    connect(&m_timer, &QTimer::timeout, this, &BackupRunner::runAutomaticIfDue);
}

BackupRunner::~BackupRunner()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void BackupRunner::startAutomatic(const QString &folder, int keep, std::chrono::milliseconds every)
{
    m_folder = folder;
    m_keep = keep;
    m_timer.start(every);
    runAutomaticIfDue();
}

void BackupRunner::stopAutomatic()
{
    m_timer.stop();
    m_folder.clear();
}

bool BackupRunner::backUpTo(const QString &destination)
{
    if (isBusy())
        return false;
    run(Kind::Manual, destination);
    return true;
}

void BackupRunner::runAutomaticIfDue()
{
    if (m_folder.isEmpty() || isBusy())
        return;
    // Listing a folder is cheap; unlocking a connection for the worker is not, so look first.
    if (!autobackup::isDue(autobackup::list(m_folder), QDateTime::currentDateTimeUtc()))
        return;
    run(Kind::Automatic, {});
}

void BackupRunner::run(Kind kind, const QString &destination)
{
    auto outcome = std::make_shared<Outcome>();
    // The worker's own copy, wiped as soon as it is done with it.
    auto secret = std::make_shared<SecretBytes>(SecretBytes::fromRaw(m_passphrase.data(), m_passphrase.size()));
    const QString source = m_path;
    const QString folder = m_folder;
    const int keep = m_keep;
    // The connection is made here, on the UI thread that owns the open file, and from then on used
    // by the worker alone, which also closes it.
    auto connection = std::make_shared<std::unique_ptr<CaseFile>>();
    QString openError;
    if (m_opener) {
        try {
            *connection = m_opener();
        } catch (const Error &e) {
            openError = e.message();
        }
    }
    m_thread = QThread::create([outcome, secret, connection, openError, source, folder, keep, kind, destination] {
        try {
            if (!openError.isEmpty())
                throw Error(ErrorKind::Io, openError);
            std::unique_ptr<CaseFile> file =
                *connection ? std::move(*connection) : CaseFile::openReadOnly(source, *secret);
            if (kind == Kind::Manual) {
                backupCaseFile(*file, destination, *secret);
                outcome->written = true;
                outcome->path = destination;
            } else {
                const SystemClock clock;
                // Written and then proved to open through the open file's own key: a file with
                // several accounts has no single passphrase that would open the copy.
                CaseFile &open = *file;
                const autobackup::Outcome done =
                    autobackup::runIfDue(folder, clock, keep, [&open, &secret](const QString &to) {
                        backupCaseFile(open, to, *secret);
                        try {
                            open.openCopyReadOnly(to, *secret).reset();
                        } catch (const Error &e) {
                            QFile::remove(to);
                            throw Error(e.kind(), tr("The automatic backup %1 does not open after writing it (%2); "
                                                     "the older backups were kept.")
                                                      .arg(to, e.message()));
                        }
                    });
                outcome->written = done.written;
                outcome->path = done.path;
                outcome->pruned = done.pruned;
                if (!done.problems.isEmpty())
                    outcome->error = done.problems.join(QLatin1Char(' '));
            }
        } catch (const Error &e) {
            outcome->written = false;
            outcome->error = e.message();
        } catch (const std::exception &e) {
            outcome->written = false;
            outcome->error = tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what()));
        }
        secret->wipe();
        connection->reset();
    });
    m_kind = kind;
    m_outcome = outcome;
    // A result already reported by waitForFinished() must not be reported again when the queued
    // signal arrives, nor taken for a later backup's.
    const quint64 generation = ++m_generation;
    connect(m_thread, &QThread::finished, this, [this, generation] {
        if (generation == m_generation)
            onThreadFinished();
    });
    emit started(kind);
    m_thread->start();
}

void BackupRunner::waitForFinished()
{
    if (m_thread)
        onThreadFinished();
}

void BackupRunner::onThreadFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    ++m_generation;
    const std::shared_ptr<Outcome> outcome = std::exchange(m_outcome, nullptr);
    if (!outcome->written && outcome->error.isEmpty())
        return; // an automatic run that found nothing due after all
    emit finished(m_kind, outcome->written, outcome->path, outcome->error, outcome->pruned);
}

} // namespace cb::ui
