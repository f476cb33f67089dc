#pragma once

#include <QHash>
#include <QMessageBox>

#include <optional>

namespace herald {

// Every modal question the GUI asks goes through here, so a test can answer it in advance
// (setNextAnswer) instead of hanging on a dialog nobody will click.
class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;
    // Other words on a standard button ("Edit profile…" on QMessageBox::Open) keep its role.
    using ButtonTexts = QHash<Button, QString>;

    static Button question(QWidget* parent, const QString& title, const QString& text,
        Buttons buttons = Buttons(QMessageBox::Yes | QMessageBox::No), Button defaultButton = QMessageBox::No,
        const ButtonTexts& texts = {});
    static Button information(QWidget* parent, const QString& title, const QString& text,
        Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::Ok, const ButtonTexts& texts = {});
    static Button warning(QWidget* parent, const QString& title, const QString& text, Buttons buttons = QMessageBox::Ok,
        Button defaultButton = QMessageBox::Ok, const ButtonTexts& texts = {});
    static Button critical(QWidget* parent, const QString& title, const QString& text,
        Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::Ok, const ButtonTexts& texts = {});

    // The next question returns this without showing anything (tests); NoButton clears it.
    static void setNextAnswer(Button answer);
    // What the last question asked, answered or not (tests check the wording).
    static QString lastText();

private:
    static Button ask(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
        Buttons buttons, Button defaultButton, const ButtonTexts& texts);

    static std::optional<Button> s_nextAnswer;
    static QString s_lastText;
};

} // namespace herald
