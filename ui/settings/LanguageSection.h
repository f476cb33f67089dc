#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace herald {

// Settings → Language: the system's language or one Herald is translated into (Config::Language).
// The choice takes effect when Herald starts again; the section says so.
class LanguageSection : public QWidget
{
    Q_OBJECT
public:
    explicit LanguageSection(QWidget* parent = nullptr);

private:
    void choose(int index);

    QComboBox* m_languages;
    QLabel* m_noteLabel;
};

} // namespace herald
