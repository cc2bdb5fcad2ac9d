#pragma once

#include <QClipboard>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace cb::ui {

// Takes case text back off the clipboard. While active (a case file is open), every text this
// application puts on the clipboard, or on the X11 selection, by a copy action, Ctrl+C in a view
// or selecting text, is noted; after the delay (30 s) it is cleared, but only if the clipboard
// still holds exactly that text, so that whatever the user copied since stays. clearNow() does it
// at once (on lock), and so does the destructor: on X11 a clipboard manager would otherwise keep
// the text after CaseBoard quits.
class ClipboardGuard : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultDelay{30'000};

    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    void setDelay(std::chrono::milliseconds delay) { m_delay = delay; }
    std::chrono::milliseconds delay() const { return m_delay; }
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // Clears, in every mode, the noted text that is still there; forgets the rest.
    void clearNow();
    // Puts a secret (the recovery key) on the clipboard and notes it whether or not a case file is
    // open: it is cleared after the delay like case text, and by clearNow().
    void copySecret(const QString &text);

    // Whether a clipboard change came from this application. By default: this application owns
    // the clipboard (X11, Wayland, Windows say so), or it is the active application (platforms that
    // do not tell ownership; nobody copies in another program while this one has the focus).
    // Tests replace it to play another program.
    using OriginTest = std::function<bool(QClipboard::Mode)>;
    void setOriginTest(OriginTest test) { m_fromHere = std::move(test); }

signals:
    // A noted text's delay ran out; `cleared` is false when the clipboard held something else.
    void expired(QClipboard::Mode mode, bool cleared);

private:
    struct Watch {
        QClipboard::Mode mode;
        QString text;
        std::unique_ptr<QTimer> timer;
    };
    void onChanged(QClipboard::Mode mode);
    void expire(QClipboard::Mode mode);
    Watch &watchFor(QClipboard::Mode mode);

    std::chrono::milliseconds m_delay = kDefaultDelay;
    bool m_active = false;
    OriginTest m_fromHere;
    std::vector<Watch> m_watches;
};

} // namespace cb::ui
