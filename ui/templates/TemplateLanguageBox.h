#pragma once

#include <QComboBox>

namespace herald {

// Which language a template is written in: the interface's (empty, the default) or one Herald has a spelling
// dictionary for (English, Spanish, French). A template saved elsewhere with another code keeps it: the code is
// offered as it is, never replaced. The spell check follows the choice (SpellLanguage::dictionaryFor).
class TemplateLanguageBox : public QComboBox
{
    Q_OBJECT
public:
    explicit TemplateLanguageBox(QWidget* parent = nullptr);

    void setLanguage(const QString& code);
    QString language() const;

signals:
    void languageChanged(const QString& code);
};

} // namespace herald
