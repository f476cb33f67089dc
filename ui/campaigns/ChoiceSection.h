#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QComboBox;
class QLabel;
class QWidget;

namespace herald {

// A choice of the campaign editor made in a combo box, with a note under it on what the chosen option means
// (TrackingSection, ImagesSection). Each option's meaning is its tooltip, and all of them the combo's. Its
// widgets are the dialog's, laid out by the dialog's form.
class ChoiceSection : public QObject
{
    Q_OBJECT
public:
    QComboBox* combo() const { return m_combo; }
    QLabel* hintLabel() const { return m_hintLabel; }

signals:
    // The user chose another option.
    void changed();

protected:
    ChoiceSection(QWidget* dialog, const QString& comboName, const QString& hintName);

    struct Choice
    {
        QString label;
        int value;
        QString meaning;
    };
    // Fills the combo with `initial` chosen; `summary` gets the meanings as %1, %2, … for the combo's tooltip.
    void addChoices(const QList<Choice>& choices, const QString& summary, int initial);
    int chosen() const;
    void choose(int value);
    // Says what the chosen option means now; called when the choice changes.
    virtual void updateHint() = 0;

    QComboBox* m_combo;
    QLabel* m_hintLabel;
};

} // namespace herald
