#pragma once

#include <QWidget>

namespace herald {

// A page that is not built yet: its title and one honest sentence on what it will do. No sample data.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString& title, const QString& description, QWidget* parent = nullptr);
};

} // namespace herald
