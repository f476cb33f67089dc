#include "PhonePreview.h"

#include "PreviewBrowser.h"

#include <QLabel>
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
    m_browser->setFixedWidth(ScreenWidth + m_browser->verticalScrollBar()->sizeHint().width());

    auto* bezel = new QFrame(this);
    bezel->setObjectName(QStringLiteral("phoneBezel"));
    bezel->setStyleSheet(QStringLiteral("#phoneBezel { background: #202124; border-radius: 22px; }"));
    auto* screen = new QVBoxLayout(bezel);
    screen->setContentsMargins(BezelWidth, 3 * BezelWidth, BezelWidth, 3 * BezelWidth);
    screen->addWidget(m_browser);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bezel, 1, Qt::AlignHCenter);
    layout->addWidget(m_note);
    setMinimumWidth(bezel->sizeHint().width());
    updateNote();
}

void PhonePreview::showHtml(const QString& html)
{
    m_browser->showHtml(html);
    m_overflowWidth = qCeil(m_browser->document()->size().width());
    updateNote();
}

void PhonePreview::updateNote()
{
    m_note->setText(overflows()
                        ? tr("Phone, %1 px wide: the message is %2 px wide and does not shrink, so readers scroll "
                             "sideways, as here.")
                              .arg(ScreenWidth)
                              .arg(m_overflowWidth)
                        : tr("Phone, %1 px wide: the message fits the screen.").arg(ScreenWidth));
    m_note->setStyleSheet(overflows() ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
}

} // namespace herald
