#include "PhonePreview.h"

#include "PreviewBrowser.h"

#include <QLabel>
#include <QEvent>
#include <QScrollBar>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtMath>

namespace herald {

namespace {
constexpr int BezelWidth = 10;
}

PhonePreview::PhonePreview(const QString& objectName, QWidget* parent)
    : QFrame(parent)
    , m_browser(new PreviewBrowser(this))
    , m_bezel(nullptr)
    , m_note(new QLabel(this))
{
    setObjectName(objectName);
    m_browser->setObjectName(objectName + QStringLiteral("Html"));
    m_note->setObjectName(objectName + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    // The document is laid out at 375 px whatever the widget's size; the vertical scroll bar is always there so
    // the viewport's width never changes with the message's length.
    m_browser->setLineWrapMode(QTextEdit::FixedPixelWidth);
    m_browser->setLineWrapColumnOrWidth(ScreenWidth);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_browser->setMinimumWidth(ScreenWidth / 3);

    // As wide as the screen and its bezel, centred, where there is room; narrower (the 375 px layout then scrolls
    // sideways) where there is not, so the page's splitter and the window's minimum width stay free.
    m_bezel = new QFrame(this);
    m_bezel->setObjectName(QStringLiteral("phoneBezel"));
    m_bezel->setStyleSheet(QStringLiteral("#phoneBezel { background: #202124; border-radius: 22px; }"));
    m_bezel->setMaximumWidth(ScreenWidth + m_browser->verticalScrollBar()->sizeHint().width() + 2 * BezelWidth);
    auto* screen = new QVBoxLayout(m_bezel);
    screen->setContentsMargins(BezelWidth, 3 * BezelWidth, BezelWidth, 3 * BezelWidth);
    screen->addWidget(m_browser);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bezel, 1);
    layout->addWidget(m_note);
    m_browser->viewport()->installEventFilter(this);
    updateNote();
}

void PhonePreview::showHtml(const QString& html)
{
    m_browser->showHtml(html);
    m_overflowWidth = qCeil(m_browser->document()->size().width());
    updateNote();
}

QSize PhonePreview::sizeHint() const
{
    return {m_bezel->maximumWidth(), QFrame::sizeHint().height()};
}

bool PhonePreview::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize)
        updateNote(); // how much of the 375 px show
    return QFrame::eventFilter(watched, event);
}

void PhonePreview::updateNote()
{
    QString note = overflows() ? tr("Phone, %1 px wide: the message is %2 px wide and does not shrink, so readers "
                                    "scroll sideways (as here) or see it zoomed out.")
                                     .arg(ScreenWidth)
                                     .arg(m_overflowWidth)
                               : tr("Phone, %1 px wide: the message fits the screen.").arg(ScreenWidth);
    const int shown = m_browser->viewport()->width();
    if (shown < ScreenWidth)
        note += QLatin1Char(' ') + tr("Only %1 px of its width show here: widen this pane.").arg(shown);
    m_note->setText(note);
    m_note->setStyleSheet(overflows() ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
}

} // namespace herald
