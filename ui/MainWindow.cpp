#include "ui/MainWindow.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListView.h"
#include "ui/CaseSummaryDialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>

namespace cb::ui {

MainWindow::MainWindow(std::unique_ptr<CaseFile> file, std::unique_ptr<const Clock> clock, QWidget *parent)
    : QMainWindow(parent), m_clock(std::move(clock)), m_file(std::move(file)),
      m_store(std::make_unique<CaseStore>(*m_file, *m_clock))
{
    // Per-person sign-in comes later; until then every change is attributed to this desktop.
    m_store->setActor({std::nullopt, QStringLiteral("desktop")});

    const QFileInfo info(m_file->path());
    setWindowTitle(tr("CaseBoard — %1").arg(info.fileName()));

    m_caseList = new CaseListView(*m_clock, this);
    setCentralWidget(m_caseList);
    connect(m_caseList, &CaseListView::caseActivated, this, &MainWindow::showCase);

    m_countLabel = new QLabel(this);
    m_pathLabel = new QLabel(QDir::toNativeSeparators(info.absoluteFilePath()), this);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_pathLabel);

    createMenus();
    reload();
    const QRect screen = this->screen()->availableGeometry();
    resize(std::min(1320, screen.width() * 9 / 10), std::min(800, screen.height() * 9 / 10));
}

MainWindow::~MainWindow()
{
    // The case list refers to m_clock, which goes before QWidget's destructor deletes children.
    delete m_caseList;
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Another Case File…"), this, &MainWindow::chooseAnotherFile);
    open->setShortcut(QKeySequence::Open);
    QAction *lock = fileMenu->addAction(tr("&Lock"), this, &MainWindow::lockRequested);
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lock->setToolTip(tr("Close the case file and return to the unlock window"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About CaseBoard"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::reload()
{
    if (!m_store)
        return;
    try {
        m_caseList->setCases(m_store->caseSummaries());
        const qsizetype n = m_caseList->model()->rowCount();
        m_countLabel->setText(n == 1 ? tr("1 case") : tr("%n cases", nullptr, static_cast<int>(n)));
    } catch (const Error &e) {
        QMessageBox::warning(this, tr("Cannot read the case list"), e.message());
    }
}

void MainWindow::closeCaseFile()
{
    m_caseList->setCases({});
    m_store.reset();
    m_file.reset();
    m_countLabel->clear();
    m_pathLabel->clear();
}

void MainWindow::showNotice(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("CaseBoard"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::chooseAnotherFile()
{
    const QString dir = m_file ? QFileInfo(m_file->path()).absolutePath() : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Case File"), dir,
                                                      tr("Case files (*.caseboard);;All files (*)"));
    if (!path.isEmpty())
        emit openRequested(path);
}

void MainWindow::showCase(Id caseId)
{
    if (!m_store)
        return;
    try {
        auto *dialog = new CaseSummaryDialog(*m_store, caseId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    } catch (const Error &e) {
        QMessageBox::warning(this, tr("Cannot show the case"), e.message());
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CaseBoard"),
                       tr("<h3>CaseBoard %1</h3>"
                          "<p>Case management for homicide units, over an encrypted case file.</p>"
                          "<p>Built with Qt %2 and SQLCipher.</p>")
                           .arg(QStringLiteral(CASEBOARD_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace cb::ui
