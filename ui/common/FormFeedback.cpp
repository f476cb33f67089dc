#include "FormFeedback.h"

#include <QLabel>
#include <QRegularExpression>
#include <QStyle>

namespace herald {

namespace {
const char* const InvalidProperty = "heraldInvalid";
} // namespace

QLabel* FormFeedback::createNoteLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // QFormLayout only widens expanding fields; at its preferred width the wrapped text got clipped.
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    QPalette muted = label->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    label->setPalette(muted);
    return label;
}

QLabel* FormFeedback::createErrorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // messages quote user input and server text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; background: #fdecea; border: 1px solid #f1b0aa;"
                                        " border-radius: 4px; padding: 6px; }"));
    label->hide();
    return label;
}

void FormFeedback::showError(QLabel* label, const QString& message)
{
    label->setText(tidyServerText(message));
    label->setVisible(!message.isEmpty());
}

void FormFeedback::clearError(QLabel* label)
{
    label->clear();
    label->hide();
}

void FormFeedback::markInvalid(QWidget* field, bool invalid)
{
    if (field->property(InvalidProperty).toBool() == invalid)
        return;
    field->setProperty(InvalidProperty, invalid);
    // Dynamic properties are matched when the style sheet is applied, so apply it again.
    field->style()->unpolish(field);
    field->style()->polish(field);
    field->update();
}

QString FormFeedback::styleSheet()
{
    return QStringLiteral("*[heraldInvalid=\"true\"] { border: 2px solid #d32f2f; border-radius: 3px; }");
}

QString FormFeedback::tidyServerText(const QString& message)
{
    static const QRegularExpression indentedLine(QStringLiteral("\\n[ \\t]+"));
    QString tidy = message;
    tidy.replace(indentedLine, QStringLiteral("\n"));
    return tidy.trimmed();
}

} // namespace herald
