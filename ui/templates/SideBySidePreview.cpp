#include "SideBySidePreview.h"

#include "PhonePreview.h"
#include "PreviewBrowser.h"
#include "compose/MessageBuilder.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace herald {

namespace {
// A heading over a pane; Alt+its letter goes to `focus`, in the pane.
QWidget* titled(const QString& title, QWidget* pane, QWidget* focus, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* label = new QLabel(title, box);
    label->setBuddy(focus);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(pane, 1);
    return box;
}
} // namespace

SideBySidePreview::SideBySidePreview(QWidget* parent)
    : QDialog(parent)
    , m_subjectLabel(new QLabel(this))
    , m_desktop(new PreviewBrowser(this))
    , m_phone(new PhonePreview(QStringLiteral("sidePhone"), this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sideBySidePreview"));
    setWindowTitle(tr("Preview"));
    m_subjectLabel->setObjectName(QStringLiteral("sideSubject"));
    m_subjectLabel->setWordWrap(true);
    m_subjectLabel->setTextFormat(Qt::PlainText);
    m_subjectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_desktop->setObjectName(QStringLiteral("sideDesktopHtml"));
    m_text->setObjectName(QStringLiteral("sideText"));
    m_text->setReadOnly(true);
    m_phone->setMinimumWidth(m_phone->sizeHint().width()); // here the phone always shows its 375 px

    // Desktop above the plain text on the left, the phone at its full height on the right.
    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(titled(tr("&Desktop"), m_desktop, m_desktop, left));
    left->addWidget(titled(tr("Plain &text"), m_text, m_text, left));
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setChildrenCollapsible(false);
    auto* panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(QStringLiteral("sidePanes"));
    panes->addWidget(left);
    panes->addWidget(titled(tr("&Phone"), m_phone, m_phone->browser(), panes));
    panes->setStretchFactor(0, 1);
    panes->setStretchFactor(1, 0);
    panes->setChildrenCollapsible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_subjectLabel);
    layout->addWidget(panes, 1);
    layout->addWidget(buttons);
}

void SideBySidePreview::showMessage(const MessageSpec& message, const QString& recipientName)
{
    m_subjectLabel->setText(tr("Subject: %1 (for %2)").arg(message.subject, recipientName));
    m_desktop->showHtml(message.htmlBody);
    m_phone->showHtml(message.htmlBody);
    m_text->setPlainText(message.textBody);
}

} // namespace herald
