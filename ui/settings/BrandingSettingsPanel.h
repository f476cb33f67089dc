#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace herald {

class Database;

// Settings → Branding: the organisation's colour (typed as #rrggbb or picked in a colour dialog), its logo
// (media:NAME or an https address) and its name, which the starter designs of "New template" are built with.
// Kept in the database (BrandingRepository), so the team shares them; refused with the field named when wrong.
class BrandingSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BrandingSettingsPanel(Database& database, QWidget* parent = nullptr);

public slots:
    void reload();
    // Stores the three settings; false (with the error shown and the field marked) when one is refused.
    bool save();
    // Opens the colour dialog without blocking (QDialog::open), so a test finds it with findChild.
    void chooseColour();

private:
    void showSwatch();

    Database& m_database;
    QLineEdit* m_colourEdit;
    QPushButton* m_colourButton;
    QLineEdit* m_logoEdit;
    QLineEdit* m_nameEdit;
    QLabel* m_errorLabel;
    QPushButton* m_saveButton;
    QLabel* m_statusLabel;
};

} // namespace herald
