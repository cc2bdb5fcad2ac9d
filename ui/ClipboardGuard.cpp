#include "ui/ClipboardGuard.h"

#include <QGuiApplication>

namespace cb::ui {

namespace {
bool fromThisApplication(QClipboard::Mode mode)
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    const bool owned = mode == QClipboard::Selection ? clipboard->ownsSelection() : clipboard->ownsClipboard();
    return owned || QGuiApplication::applicationState() == Qt::ApplicationActive;
}
} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent) : QObject(parent), m_fromHere(fromThisApplication)
{
    connect(QGuiApplication::clipboard(), &QClipboard::changed, this, &ClipboardGuard::onChanged);
}

ClipboardGuard::~ClipboardGuard()
{
    clearNow();
}

void ClipboardGuard::setActive(bool active)
{
    m_active = active;
}

ClipboardGuard::Watch &ClipboardGuard::watchFor(QClipboard::Mode mode)
{
    for (Watch &w : m_watches)
        if (w.mode == mode)
            return w;
    Watch w{mode, {}, std::make_unique<QTimer>()};
    w.timer->setSingleShot(true);
    connect(w.timer.get(), &QTimer::timeout, this, [this, mode] { expire(mode); });
    m_watches.push_back(std::move(w));
    return m_watches.back();
}

void ClipboardGuard::onChanged(QClipboard::Mode mode)
{
    if (!m_active || mode == QClipboard::FindBuffer)
        return;
    // Another program's text, or an emptied clipboard (our own clearing too), is left alone; the
    // noted text's timer runs on and finds it gone.
    const QString text = QGuiApplication::clipboard()->text(mode);
    if (text.isEmpty() || !m_fromHere(mode))
        return;
    Watch &w = watchFor(mode);
    w.text = text;
    w.timer->start(m_delay);
}

void ClipboardGuard::expire(QClipboard::Mode mode)
{
    Watch &w = watchFor(mode);
    QClipboard *clipboard = QGuiApplication::clipboard();
    const bool stillThere = !w.text.isEmpty() && clipboard->text(mode) == w.text;
    w.text.clear();
    if (stillThere)
        clipboard->clear(mode);
    emit expired(mode, stillThere);
}

void ClipboardGuard::copySecret(const QString &text)
{
    QGuiApplication::clipboard()->setText(text, QClipboard::Clipboard);
    Watch &w = watchFor(QClipboard::Clipboard);
    w.text = text;
    w.timer->start(m_delay);
}

void ClipboardGuard::clearNow()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    for (Watch &w : m_watches) {
        w.timer->stop();
        if (clipboard && !w.text.isEmpty() && clipboard->text(w.mode) == w.text)
            clipboard->clear(w.mode);
        w.text.clear();
    }
}

} // namespace cb::ui
