#include "ChoiceSection.h"

#include "common/FormFeedback.h"

#include <QComboBox>
#include <QLabel>

namespace herald {

ChoiceSection::ChoiceSection(QWidget* dialog, const QString& comboName, const QString& hintName)
    : QObject(dialog)
    , m_combo(new QComboBox(dialog))
    , m_hintLabel(FormFeedback::createNoteLabel(hintName, dialog))
{
    m_combo->setObjectName(comboName);
    // The form may give it the height of more lines than it needs at its width: keep the text under the combo.
    m_hintLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(m_combo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        updateHint();
        emit changed();
    });
}

void ChoiceSection::addChoices(const QList<Choice>& choices, const QString& summary, int initial)
{
    const QSignalBlocker quiet(m_combo); // filling is no choice of the user's
    QString tooltip = summary;
    for (const Choice& choice : choices) {
        m_combo->addItem(choice.label, choice.value);
        m_combo->setItemData(m_combo->count() - 1, choice.meaning, Qt::ToolTipRole);
        tooltip = tooltip.arg(choice.meaning);
    }
    m_combo->setToolTip(tooltip);
    choose(initial);
}

int ChoiceSection::chosen() const { return m_combo->currentData().toInt(); }

void ChoiceSection::choose(int value) { m_combo->setCurrentIndex(m_combo->findData(value)); }

} // namespace herald
