#pragma once

#include "model/storage/SecretBytes.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace cb {
class CaseFile;
}

namespace cb::ui {

// Backs up the open case file off the UI thread: on demand to a chosen file ("Back up now…"),
// and automatically (autobackup::runIfDue) when started and then every hour, which writes one
// when the newest automatic backup is a day old. One backup at a time.
//
// A backup reads the case file through a connection of its own, so that the UI's connection is
// never used by two threads. For a file with accounts that connection comes from the opener (the
// open file's CaseFile::openCopyReadOnly: same key, no sign-in, no passphrase kept), called on the
// UI thread and then handed to the worker. An old-format file is opened on the worker thread with
// its passphrase, of which the runner keeps a copy (SecretBytes, wiped when the runner goes, which
// is at lock); the copy of an old-format file is keyed with it too.
class BackupRunner : public QObject {
    Q_OBJECT
public:
    enum class Kind { Manual, Automatic };
    Q_ENUM(Kind)

    // `passphrase`: an old-format file's; empty for a file with accounts (see setOpener()).
    BackupRunner(QString caseFilePath, SecretBytes passphrase, QObject *parent = nullptr);
    // Makes the connection each backup reads (read-only, to the same case file). Called on the UI
    // thread when a backup starts; a failure (cb::Error) is reported like a failed backup.
    using Opener = std::function<std::unique_ptr<CaseFile>()>;
    void setOpener(Opener opener) { m_opener = std::move(opener); }
    // Waits for a backup that is running: the thread holds a connection and a passphrase copy.
    ~BackupRunner() override;

    // Automatic backups go to `folder`; the newest `keep` are kept. Checks now, then every `every`.
    void startAutomatic(const QString &folder, int keep, std::chrono::milliseconds every = std::chrono::hours(1));
    void stopAutomatic();
    bool isAutomatic() const { return !m_folder.isEmpty(); }
    void setKeep(int keep) { m_keep = keep; }
    QString automaticFolder() const { return m_folder; }

    // False (and nothing happens) while another backup runs.
    bool backUpTo(const QString &destination);
    // Runs an automatic backup if one is due and none is running.
    void runAutomaticIfDue();

    bool isBusy() const { return m_thread != nullptr; }
    // Blocks until the running backup (if any) is done; its result is still reported.
    void waitForFinished();

signals:
    void started(cb::ui::BackupRunner::Kind kind);
    // ok: `path` was written (Automatic: `pruned` holds the old backups deleted, and `message` any
    // that could not be). Not ok: `message` says why, and no old backup was deleted. An automatic
    // run that found nothing due reports nothing.
    void finished(cb::ui::BackupRunner::Kind kind, bool ok, const QString &path, const QString &message,
                  const QStringList &pruned);

private:
    struct Outcome;
    void run(Kind kind, const QString &destination);
    void onThreadFinished();

    QString m_path;
    SecretBytes m_passphrase;
    Opener m_opener;
    QString m_folder;
    int m_keep = 0;
    QTimer m_timer;
    QThread *m_thread = nullptr;
    Kind m_kind = Kind::Manual;
    quint64 m_generation = 0;
    std::shared_ptr<Outcome> m_outcome;
};

} // namespace cb::ui
