#include "TemplateLanguageBox.h"

#include <QLocale>

namespace herald {

namespace {
// Languages are named in their own language, as language pickers do, so a reader finds theirs in any interface.
QString nativeName(const QString& code)
{
    const QString name = QLocale(code).nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}
} // namespace

TemplateLanguageBox::TemplateLanguageBox(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("templateLanguageBox"));
    addItem(tr("Interface language (%1)").arg(nativeName(QLocale().name())), QString());
    for (const char* code : {"en", "es", "fr"})
        addItem(nativeName(QString::fromLatin1(code)), QString::fromLatin1(code));
    setToolTip(tr("The language this template is written in: spelling is checked in it."));
    // Narrow beside the name: the popup still shows the whole "Interface language (…)".
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(9);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { emit languageChanged(language()); });
}

void TemplateLanguageBox::setLanguage(const QString& code)
{
    int index = findData(code);
    if (index < 0) {
        addItem(nativeName(code), code);
        index = count() - 1;
    }
    setCurrentIndex(index);
}

QString TemplateLanguageBox::language() const { return currentData().toString(); }

} // namespace herald
