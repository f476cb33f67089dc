#include "SpellLineEdit.h"

#include "SpellingMenu.h"
#include "spelling/SpellingSession.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>

namespace herald {

namespace {
// QLineEdit's cursorRect() starts this many pixels left of the cursor's x (QWidgetLineControl::rectForPos).
constexpr int CursorRectLeftMargin = 5;
constexpr qreal WaveHalfPeriod = 2.0;
constexpr qreal WaveAmplitude = 1.5;

QPainterPath wave(qreal left, qreal right, qreal y)
{
    QPainterPath path(QPointF(left, y));
    bool up = true;
    for (qreal x = left; x < right; x += WaveHalfPeriod) {
        path.lineTo(QPointF(std::min(x + WaveHalfPeriod, right), up ? y - WaveAmplitude : y + WaveAmplitude));
        up = !up;
    }
    return path;
}
} // namespace

SpellLineEdit::SpellLineEdit(QWidget* parent)
    : QLineEdit(parent)
{
    connect(this, &QLineEdit::textChanged, this, &SpellLineEdit::recheck);
}

void SpellLineEdit::setSpelling(SpellingSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &SpellingSession::changed, this, &SpellLineEdit::recheck);
    recheck();
}

void SpellLineEdit::recheck()
{
    m_misspelt = m_session && echoMode() == QLineEdit::Normal ? m_session->misspelt(text()) : QList<WordSpan>();
    update();
}

int SpellLineEdit::xForPosition(int position) const
{
    const QString shown = displayText();
    const QFontMetricsF metrics(font());
    const qreal cursorX = cursorRect().x() + CursorRectLeftMargin;
    return qRound(cursorX + metrics.horizontalAdvance(shown.left(position))
                  - metrics.horizontalAdvance(shown.left(cursorPosition())));
}

void SpellLineEdit::paintEvent(QPaintEvent* event)
{
    QLineEdit::paintEvent(event);
    if (m_misspelt.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(contentsRect().marginsRemoved(textMargins()));
    painter.setPen(QPen(Qt::red, 1.0));
    const QFontMetricsF metrics(font());
    const QRect line = cursorRect();
    const qreal y = line.y() + (line.height() - metrics.height()) / 2.0 + metrics.ascent() + metrics.descent() / 2.0 + 1.0;
    for (const WordSpan& word : m_misspelt)
        painter.drawPath(wave(xForPosition(word.start), xForPosition(word.end()), y));
}

std::unique_ptr<QMenu> SpellLineEdit::createContextMenu(const QPoint& position)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu());
    if (!m_session)
        return menu;
    const WordSpan word = WordTokenizer::wordAt(WordTokenizer::words(text()), cursorPositionAt(position));
    SpellingMenu::prepend(menu.get(), text(), word, *m_session, [this](const WordSpan& replaced, const QString& replacement) {
        setSelection(replaced.start, replaced.length);
        insert(replacement); // one undo step
    });
    return menu;
}

void SpellLineEdit::contextMenuEvent(QContextMenuEvent* event)
{
    const std::unique_ptr<QMenu> menu = createContextMenu(event->pos());
    menu->exec(event->globalPos());
}

} // namespace herald
