#pragma once

#include <QFrame>

class QLabel;

namespace herald {

class PreviewBrowser;

// The HTML as a phone shows it: laid out 375 px wide (an iPhone's CSS width) whatever room the pane has, in a
// phone-like bezel that shows exactly those 375 px when the pane is wide enough. QTextBrowser knows no media queries or max-width, but a fluid
// layout (width 100%, as EmailHtmlWriter writes) shrinks to the 375 px here as it does on a phone; a fixed-width
// one does not, and then the content scrolls sideways, as it would on the phone, and the note under it says so.
class PhonePreview : public QFrame
{
    Q_OBJECT
public:
    static constexpr int ScreenWidth = 375;

    // `objectName` names this frame; its browser and note get the name with "Html" and "Note" after it.
    explicit PhonePreview(const QString& objectName, QWidget* parent = nullptr);

    void showHtml(const QString& html);
    PreviewBrowser* browser() const { return m_browser; }
    // Whether the last HTML was wider than the screen (the reader scrolls sideways).
    bool overflows() const { return m_overflowWidth > ScreenWidth; }

    // Wide enough for the whole screen and bezel.
    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateNote();

    PreviewBrowser* m_browser;
    QFrame* m_bezel;
    QLabel* m_note;
    int m_overflowWidth = 0; // the laid-out width of the last HTML
};

} // namespace herald
