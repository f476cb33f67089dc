#include "MessageBox.h"

#include <QAbstractButton>

namespace herald {

std::optional<MessageBox::Button> MessageBox::s_nextAnswer;
QString MessageBox::s_lastText;

void MessageBox::setNextAnswer(Button answer)
{
    if (answer == QMessageBox::NoButton)
        s_nextAnswer.reset();
    else
        s_nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

MessageBox::Button MessageBox::ask(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
    Buttons buttons, Button defaultButton, const ButtonTexts& texts)
{
    s_lastText = text;
    if (s_nextAnswer) {
        const Button answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (QAbstractButton* button = box.button(it.key()))
            button->setText(it.value());
    }
    // Messages name rows and servers; let the user copy them into a support request.
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    return Button(box.exec());
}

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
    Button defaultButton, const ButtonTexts& texts)
{
    return ask(parent, QMessageBox::Question, title, text, buttons, defaultButton, texts);
}

MessageBox::Button MessageBox::information(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
    Button defaultButton, const ButtonTexts& texts)
{
    return ask(parent, QMessageBox::Information, title, text, buttons, defaultButton, texts);
}

MessageBox::Button MessageBox::warning(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
    Button defaultButton, const ButtonTexts& texts)
{
    return ask(parent, QMessageBox::Warning, title, text, buttons, defaultButton, texts);
}

MessageBox::Button MessageBox::critical(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
    Button defaultButton, const ButtonTexts& texts)
{
    return ask(parent, QMessageBox::Critical, title, text, buttons, defaultButton, texts);
}

} // namespace herald
