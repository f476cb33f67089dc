#include "FieldMenu.h"

#include "compose/RenderContext.h"

#include <QFontMetrics>

namespace herald {

namespace {
constexpr int ValueWidthPx = 240;
}

FieldMenu::FieldMenu(QWidget* parent)
    : QMenu(tr("Insert Field"), parent)
{
    setObjectName(QStringLiteral("fieldMenu"));
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &FieldMenu::rebuild);
    rebuild();
}

void FieldMenu::setValues(const QHash<QString, QString>& values) { m_values = values; }

void FieldMenu::rebuild()
{
    clear();
    const QFontMetrics metrics(font());
    for (const QString& name : RenderContext::knownPlaceholders()) {
        if (RenderContext::listPlaceholders().contains(name))
            continue; // a list is a section ({{#tags}}…{{/tags}}), not a field to drop in
        const QString placeholder = QStringLiteral("{{%1}}").arg(name);
        const QString value = m_values.value(name).simplified();
        // After the tab QMenu shows the value in the column of shortcuts, right of the placeholder.
        QString text = placeholder;
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (!value.isEmpty())
            text += QLatin1Char('\t') + metrics.elidedText(value, Qt::ElideRight, ValueWidthPx).replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction* action = addAction(text);
        action->setObjectName(QStringLiteral("field_%1").arg(name));
        action->setToolTip(value.isEmpty() ? tr("No value for the nonprofit the preview shows") : value);
        connect(action, &QAction::triggered, this, [this, placeholder] { emit fieldChosen(placeholder); });
    }
}

} // namespace herald
