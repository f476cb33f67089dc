#include "LanguageSection.h"

#include "config/Config.h"
#include "shell/Translations.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace herald {

LanguageSection::LanguageSection(QWidget* parent)
    : QWidget(parent)
    , m_languages(new QComboBox(this))
    , m_noteLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("languageSection"));
    auto* title = new QLabel(tr("<b>Language</b>"), this);

    m_languages->setObjectName(QStringLiteral("languageCombo"));
    const QLocale system = QLocale::system();
    // The C/POSIX locale has no language name; Herald speaks English there.
    const QString systemName = system.language() == QLocale::C ? QLocale::languageToString(QLocale::English)
                                                               : system.nativeLanguageName();
    m_languages->addItem(tr("System language (%1)").arg(systemName), QString());
    for (const QString& code : Translations::available()) {
        const QLocale locale(code);
        // Each language in its own name, as people look for theirs.
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_languages->addItem(name, code);
    }
    const int current = m_languages->findData(Config::instance().get(Config::Language).toString());
    m_languages->setCurrentIndex(current < 0 ? 0 : current);
    connect(m_languages, &QComboBox::currentIndexChanged, this, &LanguageSection::choose);

    m_noteLabel->setObjectName(QStringLiteral("languageNoteLabel"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setText(tr("Herald shows the chosen language when it starts again. Dates and numbers follow it."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_languages);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_noteLabel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

void LanguageSection::choose(int index)
{
    Config::instance().set(Config::Language, m_languages->itemData(index).toString());
    m_noteLabel->setText(tr("Restart Herald to see it in %1.").arg(m_languages->itemText(index)));
}

} // namespace herald
