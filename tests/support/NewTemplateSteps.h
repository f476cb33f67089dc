#pragma once

// For window tests only (they link herald_ui): "New" on the Templates page, which asks what to start from.

#include <QDialog>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

namespace herald::test {

// The chooser that is open in `window`, if any (one closed before may not be deleted yet).
inline QDialog* visibleStarterChooser(QWidget* window)
{
    for (QDialog* dialog : window->findChildren<QDialog*>(QStringLiteral("starterChooserDialog")))
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

// Clicks New on the Templates page of `window` and waits for the starter chooser; null when it did not open.
inline QDialog* openStarterChooser(QWidget* window)
{
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("newTemplateButton")), Qt::LeftButton);
    if (!QTest::qWaitFor([window] { return visibleStarterChooser(window) != nullptr; }, 5000))
        return nullptr;
    return visibleStarterChooser(window);
}

// Picks row `row` of the chooser with the keyboard (0: Blank, first) and Enter.
inline void pickStarter(QDialog* chooser, int row)
{
    auto* list = chooser->findChild<QListWidget*>(QStringLiteral("starterList"));
    QVERIFY(list);
    list->setFocus();
    for (int down = list->currentRow(); down < row; ++down)
        QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentRow(), row);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(!chooser->isVisible());
}

// New, then Blank: an empty template in the editor, as New gave before there were starters.
inline void newBlankTemplate(QWidget* window)
{
    QDialog* chooser = openStarterChooser(window);
    QVERIFY(chooser);
    pickStarter(chooser, 0);
}

} // namespace herald::test
