#pragma once

#include "model/domain/Domain.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace cb {
class CaseFile;
class CaseStore;
class Clock;
}

namespace cb::ui {

class CaseListView;

// The window over one open case file: menus, the case list, a status bar. Owns the case file
// and the store over it; closing the file (Lock) is the session's business, see SessionController.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // clock: the system clock in the app; tests pass a fixed one.
    MainWindow(std::unique_ptr<CaseFile> file, std::unique_ptr<const Clock> clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Closes the store and the case file now; the window shows nothing afterwards.
    void closeCaseFile();
    void reload();
    // A problem worth telling but not worth stopping for, shown once the window is up.
    void showNotice(const QString &text);

    CaseListView *caseList() const { return m_caseList; }
    CaseStore *store() const { return m_store.get(); }

signals:
    void lockRequested();
    // The user chose another case file to open.
    void openRequested(const QString &path);

private:
    void createMenus();
    void chooseAnotherFile();
    void showCase(Id caseId);
    void showAbout();

    // Declared in this order so that the store goes before the file it works on.
    std::unique_ptr<const Clock> m_clock;
    std::unique_ptr<CaseFile> m_file;
    std::unique_ptr<CaseStore> m_store;
    CaseListView *m_caseList = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_pathLabel = nullptr;
};

} // namespace cb::ui
