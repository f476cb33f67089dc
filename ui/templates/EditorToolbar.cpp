#include "EditorToolbar.h"

#include "ButtonDialog.h"
#include "EditorIcons.h"
#include "ImageDialog.h"
#include "LinkDialog.h"
#include "VisualEditor.h"
#include "common/ShortcutText.h"

#include <QAction>
#include <QActionGroup>
#include <QColorDialog>
#include <QComboBox>
#include <QPainter>
#include <QTextList>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace herald {

namespace {
QToolBar* toolBarRow(const QString& objectName, QWidget* parent)
{
    auto* bar = new QToolBar(parent);
    bar->setObjectName(objectName);
    bar->setIconSize(QSize(18, 18));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    return bar;
}

// B, I and U drawn as their own style shows them.
QIcon letterIcon(const QString& letter, const QFont& style, const QColor& ink)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QFont font = style;
    font.setPixelSize(24);
    painter.setFont(font);
    painter.setPen(ink);
    painter.drawText(pixmap.rect(), Qt::AlignCenter, letter);
    return QIcon(pixmap);
}
} // namespace

EditorToolbar::EditorToolbar(VisualEditor* editor, QWidget* shortcutArea, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_shortcutArea(shortcutArea)
    , m_formatter(editor)
    , m_styleCombo(new QComboBox(this))
{
    setObjectName(QStringLiteral("editorToolbar"));
    QToolBar* formatRow = toolBarRow(QStringLiteral("formatToolBar"), this);
    QToolBar* insertRow = toolBarRow(QStringLiteral("insertToolBar"), this);
    insertRow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildFormatRow(formatRow);
    buildInsertRow(insertRow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(formatRow);
    layout->addWidget(insertRow);

    QList<QKeySequence> shortcuts;
    for (QAction* each : std::as_const(m_actions))
        shortcuts << each->shortcut();
    m_editor->setReservedShortcuts(shortcuts);
    connect(m_editor, &QTextEdit::cursorPositionChanged, this, &EditorToolbar::updateState);
    connect(m_editor, &QTextEdit::currentCharFormatChanged, this, &EditorToolbar::updateState);
    connect(m_editor, &QTextEdit::undoAvailable, action(QStringLiteral("undoAction")), &QAction::setEnabled);
    connect(m_editor, &QTextEdit::redoAvailable, action(QStringLiteral("redoAction")), &QAction::setEnabled);
    action(QStringLiteral("undoAction"))->setEnabled(false);
    action(QStringLiteral("redoAction"))->setEnabled(false);
    updateState();
}

QAction* EditorToolbar::makeAction(QToolBar* bar, const QString& objectName, const QString& text,
                                  const QKeySequence& shortcut, const std::function<void()>& run)
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(withShortcut(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")), shortcut));
    }
    connect(action, &QAction::triggered, this, [this, run] {
        run();
        updateState(); // a block format change moves no cursor and changes no character format
    });
    m_shortcutArea->addAction(action); // the shortcut works wherever the focus is in the visual editor's area
    if (bar) {
        bar->addAction(action);
        QWidget* button = bar->widgetForAction(action);
        button->setObjectName(objectName.chopped(int(qstrlen("Action"))) + QStringLiteral("Button"));
        button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    }
    m_actions << action;
    return action;
}

QAction* EditorToolbar::action(const QString& objectName) const
{
    for (QAction* each : m_actions) {
        if (each->objectName() == objectName)
            return each;
    }
    return nullptr;
}

void EditorToolbar::buildFormatRow(QToolBar* bar)
{
    const QColor ink = palette().color(QPalette::Active, QPalette::WindowText);
    m_styleCombo->setObjectName(QStringLiteral("blockStyleCombo"));
    m_styleCombo->setAccessibleName(tr("Paragraph style"));
    const QStringList styles = {tr("Paragraph"), tr("Heading 1"), tr("Heading 2"), tr("Heading 3")};
    QStringList tips;
    for (int level = 0; level < styles.size(); ++level) {
        const QKeySequence shortcut(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + level));
        m_styleCombo->addItem(styles.at(level));
        tips << withShortcut(styles.at(level), shortcut);
        makeAction(nullptr, QStringLiteral("blockStyle%1Action").arg(level), styles.at(level), shortcut,
                  [this, level] { m_formatter.setBlockStyle(level); m_editor->setFocus(); });
    }
    m_styleCombo->setToolTip(tips.join(QLatin1Char('\n')));
    m_styleCombo->setFocusPolicy(Qt::TabFocus);
    connect(m_styleCombo, &QComboBox::activated, this, [this](int level) {
        m_formatter.setBlockStyle(level);
        m_editor->setFocus();
    });
    bar->addWidget(m_styleCombo);

    QFont bold;
    bold.setBold(true);
    QFont italic;
    italic.setItalic(true);
    QFont underline;
    underline.setUnderline(true);
    struct Toggle { const char* name; QString text; QKeySequence key; QFont font; QString letter; void (VisualFormatter::*set)(bool); };
    const Toggle toggles[] = {
        {"boldAction", tr("Bold"), QKeySequence(Qt::CTRL | Qt::Key_B), bold, tr("B", "the Bold button's letter"), &VisualFormatter::setBold},
        {"italicAction", tr("Italic"), QKeySequence(Qt::CTRL | Qt::Key_I), italic, tr("I", "the Italic button's letter"), &VisualFormatter::setItalic},
        {"underlineAction", tr("Underline"), QKeySequence(Qt::CTRL | Qt::Key_U), underline, tr("U", "the Underline button's letter"), &VisualFormatter::setUnderline},
    };
    for (const Toggle& toggle : toggles) {
        const QString name = QString::fromLatin1(toggle.name);
        QAction* each = makeAction(bar, name, toggle.text, toggle.key,
                                   [this, name, set = toggle.set] { (m_formatter.*set)(action(name)->isChecked()); });
        each->setCheckable(true);
        each->setIcon(letterIcon(toggle.letter, toggle.font, ink));
    }
    QAction* colour = makeAction(bar, QStringLiteral("textColourAction"), tr("Text Colour…"), QKeySequence(),
                                [this] { chooseColour(); });
    colour->setToolTip(tr("Text colour"));
    colour->setIcon(EditorIcons::textColour(Qt::black, ink));
    bar->addSeparator();

    auto* alignments = new QActionGroup(this);
    struct Align { const char* name; QString text; Qt::Alignment alignment; EditorIcons::Kind icon; QKeySequence key; };
    const Align aligns[] = {
        {"alignLeftAction", tr("Align Left"), Qt::AlignLeft, EditorIcons::Kind::AlignLeft, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
        {"alignCenterAction", tr("Centre"), Qt::AlignHCenter, EditorIcons::Kind::AlignCenter, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {"alignRightAction", tr("Align Right"), Qt::AlignRight, EditorIcons::Kind::AlignRight, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
    };
    for (const Align& align : aligns) {
        QAction* each = makeAction(bar, QString::fromLatin1(align.name), align.text, align.key,
                                  [this, alignment = align.alignment] { m_formatter.setAlignment(alignment); });
        each->setCheckable(true);
        each->setIcon(EditorIcons::icon(align.icon, ink));
        alignments->addAction(each);
    }
    bar->addSeparator();
    QAction* bullets = makeAction(bar, QStringLiteral("bulletListAction"), tr("Bulleted List"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8),
                                 [this] { m_formatter.toggleList(QTextListFormat::ListDisc); });
    bullets->setCheckable(true);
    bullets->setIcon(EditorIcons::icon(EditorIcons::Kind::BulletList, ink));
    QAction* numbers = makeAction(bar, QStringLiteral("numberedListAction"), tr("Numbered List"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7),
                                 [this] { m_formatter.toggleList(QTextListFormat::ListDecimal); });
    numbers->setCheckable(true);
    numbers->setIcon(EditorIcons::icon(EditorIcons::Kind::NumberedList, ink));
}

void EditorToolbar::buildInsertRow(QToolBar* bar)
{
    makeAction(bar, QStringLiteral("linkAction"), tr("Link…"), QKeySequence(Qt::CTRL | Qt::Key_K), [this] { editLink(); });
    makeAction(bar, QStringLiteral("imageAction"), tr("Image…"), QKeySequence(), [this] { insertImage(); })
        ->setToolTip(tr("Insert an image"));
    makeAction(bar, QStringLiteral("buttonAction"), tr("Button…"), QKeySequence(), [this] { insertButton(); })
        ->setToolTip(tr("Insert a button: a link that looks like a button"));
    makeAction(bar, QStringLiteral("ruleAction"), tr("Rule"), QKeySequence(), [this] { m_formatter.insertRule(); })
        ->setToolTip(tr("Insert a horizontal rule"));
    bar->addSeparator();
    const QColor ink = palette().color(QPalette::Active, QPalette::WindowText);
    QAction* undo = makeAction(bar, QStringLiteral("undoAction"), tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                               [this] { m_editor->undo(); });
    QAction* redo = makeAction(bar, QStringLiteral("redoAction"), tr("Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                               [this] { m_editor->redo(); });
    // Icons: the row's words are long in some languages.
    undo->setIcon(EditorIcons::icon(EditorIcons::Kind::Undo, ink));
    redo->setIcon(EditorIcons::icon(EditorIcons::Kind::Redo, ink));
    for (QAction* each : {undo, redo})
        qobject_cast<QToolButton*>(bar->widgetForAction(each))->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void EditorToolbar::updateState()
{
    const QTextCharFormat format = m_editor->currentCharFormat();
    action(QStringLiteral("boldAction"))->setChecked(format.fontWeight() >= QFont::DemiBold);
    action(QStringLiteral("italicAction"))->setChecked(format.fontItalic());
    action(QStringLiteral("underlineAction"))->setChecked(format.fontUnderline() && !format.isAnchor());
    const QColor colour = format.foreground().style() == Qt::NoBrush ? palette().color(QPalette::Active, QPalette::Text)
                                                                     : format.foreground().color();
    action(QStringLiteral("textColourAction"))->setIcon(EditorIcons::textColour(colour, palette().color(QPalette::Active, QPalette::WindowText)));
    const Qt::Alignment alignment = m_editor->alignment();
    action(QStringLiteral("alignLeftAction"))->setChecked(!(alignment & (Qt::AlignHCenter | Qt::AlignRight)));
    action(QStringLiteral("alignCenterAction"))->setChecked(alignment.testFlag(Qt::AlignHCenter));
    action(QStringLiteral("alignRightAction"))->setChecked(alignment.testFlag(Qt::AlignRight));
    const QTextList* list = m_editor->textCursor().currentList();
    const int style = list ? list->format().style() : 0;
    action(QStringLiteral("bulletListAction"))->setChecked(list && style == QTextListFormat::ListDisc);
    action(QStringLiteral("numberedListAction"))->setChecked(list && style == QTextListFormat::ListDecimal);
    m_styleCombo->setCurrentIndex(m_formatter.blockStyle());
}

void EditorToolbar::chooseColour()
{
    const QTextCursor at = m_editor->textCursor();
    auto* dialog = new QColorDialog(m_editor->currentCharFormat().foreground().color(), this);
    dialog->setObjectName(QStringLiteral("textColourDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, [this, at](const QColor& chosen) {
        m_formatter.setColour(at, chosen);
        m_editor->setFocus();
    });
    dialog->open();
}

void EditorToolbar::editLink()
{
    const EditorLink link = m_formatter.linkAtCursor();
    auto* dialog = new LinkDialog(link.text, link.href, link.exists(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, link] {
        if (dialog->removeRequested())
            m_formatter.removeLink(link.range);
        else
            m_formatter.setLink(link.range, dialog->text(), dialog->href());
        m_editor->setFocus();
    });
    dialog->open();
}

void EditorToolbar::insertImage()
{
    const QTextCursor at = m_editor->textCursor();
    auto* dialog = new ImageDialog(m_imagePicker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, at] {
        m_formatter.insertImage(at, dialog->src(), dialog->alt(), dialog->width());
        m_editor->setFocus();
    });
    dialog->open();
}

void EditorToolbar::insertButton()
{
    const QTextCursor at = m_editor->textCursor();
    auto* dialog = new ButtonDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, at] {
        m_formatter.insertButton(at, dialog->label(), dialog->href(), dialog->colour());
        m_editor->setFocus();
    });
    dialog->open();
}

} // namespace herald
