#pragma once

#include <QLineEdit>

class QTimer;

namespace herald {

// The search box of a list page (objectName "searchEdit"): searchChanged() carries the trimmed text once typing
// pauses, so typing "food bank" asks the database once, not once per key.
class SearchField : public QLineEdit
{
    Q_OBJECT
public:
    SearchField(const QString& placeholder, int minimumWidth, QWidget* parent = nullptr);

signals:
    void searchChanged(const QString& text);

private:
    QTimer* m_pause;
};

} // namespace herald
