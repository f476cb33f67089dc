#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace herald {

// How dialogs show what is wrong with the input: one red error label under the form and a red
// frame on the field at fault, the same in every dialog.
class FormFeedback
{
public:
    // A muted, word-wrapped note under a field of a form (where a password is kept, say).
    static QLabel* createNoteLabel(const QString& objectName, QWidget* parent);
    // A hidden, word-wrapped, selectable label for messages, named objectName for tests.
    static QLabel* createErrorLabel(const QString& objectName, QWidget* parent);
    static void showError(QLabel* label, const QString& message);
    static void clearError(QLabel* label);

    // Adds or removes the red frame (a dynamic property the dialog's style sheet matches).
    static void markInvalid(QWidget* field, bool invalid);
    // The style sheet a dialog sets once so marked fields get their frame.
    static QString styleSheet();

    // libpq indents its hint lines with tabs ("…refused\n\tIs the server running…"); labels show
    // them as wide gaps.
    static QString tidyServerText(const QString& message);
};

} // namespace herald
