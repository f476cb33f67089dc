#pragma once

#include <QLabel>

namespace herald {

// The heading at the top of every page, so all pages look alike (objectName "pageTitle").
class PageTitle : public QLabel
{
    Q_OBJECT
public:
    explicit PageTitle(const QString& text, QWidget* parent = nullptr);
};

} // namespace herald
