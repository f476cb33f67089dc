#include "HtmlBodyEditor.h"

#include "EditorToolbar.h"
#include "VisualEditor.h"
#include "common/SpellHighlighter.h"
#include "common/SpellingMenu.h"
#include "emailhtml/EditorImport.h"
#include "emailhtml/EmailHtmlWriter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace herald {

namespace {
constexpr int SyncDelayMs = 300;
constexpr int VisualTab = 0;
constexpr int SourceTab = 1;
} // namespace

HtmlBodyEditor::HtmlBodyEditor(QWidget* parent)
    : QWidget(parent)
    , m_reasonLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_visual(new VisualEditor(this))
    , m_source(new QPlainTextEdit(this))
    , m_writeTimer(new QTimer(this))
    , m_importTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("htmlBodyEditor"));
    m_reasonLabel->setObjectName(QStringLiteral("visualUnavailableLabel"));
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setTextFormat(Qt::PlainText);
    m_reasonLabel->hide();

    auto* visualPage = new QWidget(this);
    visualPage->setObjectName(QStringLiteral("visualPage"));
    m_toolbar = new EditorToolbar(m_visual, visualPage, visualPage);
    auto* visualLayout = new QVBoxLayout(visualPage);
    visualLayout->setContentsMargins(0, 0, 0, 0);
    visualLayout->setSpacing(2);
    visualLayout->addWidget(m_toolbar);
    visualLayout->addWidget(m_visual, 1);

    m_source->setObjectName(QStringLiteral("htmlEdit"));
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setTabChangesFocus(true);
    m_source->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_source->setPlaceholderText(tr("<p>Dear {{name}},</p> … <a href=\"{{unsubscribe_url}}\">Unsubscribe</a> "
                                    "{{postal_address}}"));
    m_source->setAccessibleName(tr("HTML body, source"));

    m_tabs->setObjectName(QStringLiteral("htmlBodyTabs"));
    m_tabs->addTab(visualPage, tr("&Visual"));
    m_tabs->addTab(m_source, tr("HTML s&ource"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reasonLabel);
    layout->addWidget(m_tabs, 1);

    for (QTimer* timer : {m_writeTimer, m_importTimer}) {
        timer->setSingleShot(true);
        timer->setInterval(SyncDelayMs);
    }
    connect(m_writeTimer, &QTimer::timeout, this, &HtmlBodyEditor::writeSource);
    connect(m_importTimer, &QTimer::timeout, this, &HtmlBodyEditor::importSource);
    connect(m_visual->document(), &QTextDocument::contentsChanged, this, &HtmlBodyEditor::visualEdited);
    connect(m_source, &QPlainTextEdit::textChanged, this, &HtmlBodyEditor::sourceEdited);
    connect(m_tabs, &QTabWidget::currentChanged, this, &HtmlBodyEditor::tabChanged);
}

void HtmlBodyEditor::setSpelling(SpellingSession& session)
{
    new SpellHighlighter(m_source->document(), session, WordTokenizer::Markup::Html);
    new SpellHighlighter(m_visual->document(), session, WordTokenizer::Markup::PlainText);
    SpellingMenu::attach(m_source, session, WordTokenizer::Markup::Html);
    SpellingMenu::attach(m_visual, session, WordTokenizer::Markup::PlainText);
}

void HtmlBodyEditor::load(const QString& html)
{
    m_writeTimer->stop();
    m_syncing = true;
    m_source->setPlainText(html);
    m_syncing = false;
    importSource();
    m_tabs->setCurrentIndex(isVisualAvailable() ? VisualTab : SourceTab);
}

QString HtmlBodyEditor::html() const
{
    return m_writeTimer->isActive() ? EmailHtmlWriter::write(*m_visual->document()) : m_source->toPlainText();
}

bool HtmlBodyEditor::isVisualAvailable() const { return m_tabs->isTabEnabled(VisualTab); }

bool HtmlBodyEditor::isVisualCurrent() const { return m_tabs->currentIndex() == VisualTab; }

QWidget* HtmlBodyEditor::currentEditor() const
{
    return isVisualCurrent() ? static_cast<QWidget*>(m_visual) : static_cast<QWidget*>(m_source);
}

void HtmlBodyEditor::visualEdited()
{
    if (m_syncing)
        return;
    m_importTimer->stop(); // the visual document is now the newer one
    m_writeTimer->start();
    emit changed();
}

void HtmlBodyEditor::sourceEdited()
{
    if (m_syncing)
        return;
    m_writeTimer->stop();
    m_importTimer->start();
    emit changed();
    emit sourceChanged();
}

void HtmlBodyEditor::writeSource()
{
    m_writeTimer->stop();
    const QString html = EmailHtmlWriter::write(*m_visual->document());
    if (html == m_source->toPlainText())
        return;
    m_syncing = true;
    QTextCursor cursor(m_source->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(html); // one undo step in the source, unlike setPlainText
    m_syncing = false;
    emit sourceChanged();
}

void HtmlBodyEditor::importSource()
{
    m_importTimer->stop();
    const auto imported = EditorImport::editorHtml(m_source->toPlainText());
    const QString reason = imported ? QString() : imported.error().message;
    m_syncing = true;
    if (imported)
        m_visual->setHtml(imported.value());
    else
        m_visual->clear(); // not another template's text behind the disabled tab
    m_syncing = false;
    m_tabs->setTabEnabled(VisualTab, reason.isEmpty());
    m_tabs->setTabToolTip(VisualTab, reason);
    m_reasonLabel->setText(reason);
    m_reasonLabel->setVisible(!reason.isEmpty());
}

void HtmlBodyEditor::tabChanged(int index)
{
    if (index == SourceTab && m_writeTimer->isActive())
        writeSource();
    if (index == VisualTab && m_importTimer->isActive()) {
        importSource();
        if (!isVisualAvailable())
            m_tabs->setCurrentIndex(SourceTab);
    }
}

void HtmlBodyEditor::goToSource(int line, int column)
{
    m_tabs->setCurrentIndex(SourceTab);
    m_source->setFocus();
    if (line <= 0)
        return;
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::clamp(column - 1, 0, block.length() - 1));
    m_source->setTextCursor(cursor);
    m_source->ensureCursorVisible();
}

} // namespace herald
