#pragma once

#include <QHash>
#include <QMenu>

namespace herald {

// The Insert field menu: every placeholder a template may use ({{name}}, {{city}}, {{unsubscribe_url}}, …), each
// with the value it has for the nonprofit the preview shows beside it, so the writer sees what a field becomes.
// Choosing one emits fieldChosen("{{name}}").
class FieldMenu : public QMenu
{
    Q_OBJECT
public:
    explicit FieldMenu(QWidget* parent = nullptr);

    // The values by placeholder name (RenderContext::values()); shown from the next time the menu opens.
    void setValues(const QHash<QString, QString>& values);

signals:
    void fieldChosen(const QString& placeholder);

private:
    void rebuild();

    QHash<QString, QString> m_values;
};

} // namespace herald
