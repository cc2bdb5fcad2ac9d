#include "ui/StatusColors.h"

#include <QHash>
#include <QPainter>
#include <QPen>
#include <QPixmap>

namespace cb::ui {

QColor statusColor(CaseStatus status)
{
    switch (status) {
    case CaseStatus::Open:
        return QColor(0x1f, 0x6f, 0xc5);
    case CaseStatus::ClearedByArrest:
        return QColor(0x1e, 0x8a, 0x4c);
    case CaseStatus::ClearedExceptionally:
        return QColor(0x6a, 0xb0, 0x4c);
    case CaseStatus::Unfounded:
        return QColor(0x8c, 0x8c, 0x8c);
    }
    return Qt::gray;
}

QIcon statusIcon(CaseStatus status)
{
    // Painted once per status: data() asks for the icon for every visible row on every repaint.
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(status);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (const int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // A light rim keeps the dot visible on a selected row's highlight.
        painter.setPen(QPen(QColor(255, 255, 255, 220), size / 12.0));
        painter.setBrush(statusColor(status));
        const qreal margin = size * 0.15;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

QBrush overdueBackground()
{
    return QColor(0xfb, 0xe0, 0xe0);
}

QBrush overdueForeground()
{
    return QColor(0x9b, 0x1c, 0x1c);
}

} // namespace cb::ui
