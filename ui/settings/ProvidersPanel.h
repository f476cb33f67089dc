#pragma once

#include "domain/Provider.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace herald {

class Database;
class ProviderDialog;

// The mail providers in Settings: the list in the order they are tried (name, kind, host, limit, priority,
// state), with Add, Edit and Remove. Tells the window when they changed so the send engine picks them up.
class ProvidersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProvidersPanel(Database& database, QWidget* parent = nullptr);

public slots:
    // Dialogs open without blocking (QDialog::open), so a test finds them with findChild.
    void addProvider();
    void editSelected();
    void removeSelected();
    void reload();

signals:
    void providersChanged();

private:
    qint64 selectedId() const;
    void select(qint64 id);
    void updateButtons();
    void openDialog(ProviderDialog* dialog);

    Database& m_database;
    QList<Provider> m_providers;
    QTreeWidget* m_list;
    QPushButton* m_addButton;
    QPushButton* m_editButton;
    QPushButton* m_removeButton;
    QLabel* m_noteLabel;
};

} // namespace herald
