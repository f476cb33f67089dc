#include "EditorIcons.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace herald {

namespace {
constexpr int Size = 32; // drawn at 32 px, shown at the toolbar's size

QPixmap canvas()
{
    QPixmap pixmap(Size, Size);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

// A curved arrow pointing left (undo), or right when mirrored (redo).
void drawTurnArrow(QPainter& painter, bool mirrored, const QColor& ink)
{
    if (mirrored)
        painter.setTransform(QTransform(-1, 0, 0, 1, Size, 0));
    QPainterPath arc;
    arc.moveTo(27, 26);
    arc.cubicTo(27, 12, 18, 9, 10, 13);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(arc);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawPolygon(QPolygonF({QPointF(3, 15), QPointF(12, 6), QPointF(14, 19)}));
}
} // namespace

QIcon EditorIcons::icon(Kind kind, const QColor& ink)
{
    QPixmap pixmap = canvas();
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (kind == Kind::Undo || kind == Kind::Redo) {
        painter.setPen(QPen(ink, 3, Qt::SolidLine, Qt::RoundCap));
        drawTurnArrow(painter, kind == Kind::Redo, ink);
        return QIcon(pixmap);
    }
    painter.setPen(QPen(ink, 3, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(ink);
    const int lengths[4] = {24, 16, 24, 12};
    for (int line = 0; line < 4; ++line) {
        const int y = 6 + line * 7;
        switch (kind) {
        case Kind::AlignLeft:
            painter.drawLine(4, y, 4 + lengths[line], y);
            break;
        case Kind::AlignCenter:
            painter.drawLine(16 - lengths[line] / 2, y, 16 + lengths[line] / 2, y);
            break;
        case Kind::AlignRight:
            painter.drawLine(28 - lengths[line], y, 28, y);
            break;
        case Kind::BulletList:
        case Kind::NumberedList:
            if (line == 3)
                break;
            painter.drawLine(12, 6 + line * 10, 28, 6 + line * 10);
            if (kind == Kind::BulletList) {
                painter.drawEllipse(QPointF(5, 6 + line * 10), 2.5, 2.5);
            } else {
                QFont font;
                font.setPixelSize(10);
                font.setBold(true);
                painter.setFont(font);
                painter.drawText(QRect(0, line * 10, 10, 12), Qt::AlignCenter, QString::number(line + 1));
            }
            break;
        case Kind::Rule:
            if (line == 0)
                painter.drawLine(2, 16, 30, 16);
            break;
        case Kind::Undo:
        case Kind::Redo:
            break;
        }
    }
    return QIcon(pixmap);
}

QIcon EditorIcons::textColour(const QColor& colour, const QColor& ink)
{
    QPixmap pixmap = canvas();
    QPainter painter(&pixmap);
    QFont font;
    font.setPixelSize(22);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(ink);
    painter.drawText(QRect(0, 0, Size, 24), Qt::AlignCenter, QStringLiteral("A"));
    painter.fillRect(QRect(3, 25, Size - 6, 6), colour);
    return QIcon(pixmap);
}

} // namespace herald
