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
    // "Auto" keeps the box narrow beside the name; its tooltip says which language that is.
    const QString interfaceLanguage = nativeName(QLocale().name());
    addItem(tr("Auto"), QString());
    setItemData(0, tr("The language of the interface: %1").arg(interfaceLanguage), Qt::ToolTipRole);
    for (const char* code : {"en", "es", "fr"})
        addItem(nativeName(QString::fromLatin1(code)), QString::fromLatin1(code));
    setToolTip(tr("The language this template is written in: spelling is checked in it. Auto: the language of "
                  "the interface (%1).")
                   .arg(interfaceLanguage));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
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
