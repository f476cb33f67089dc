#pragma once

#include "Branding.h"
#include "emailhtml/RichText.h"

#include <QCoreApplication>
#include <QStringList>

namespace herald {

// Builds the content of a starter design as the visual editor holds it (RichText), in the organisation's
// branding: the logo slot on top (the logo, else the organisation's name), headings in its colour, buttons
// in its colour, and under the content the footer every bulk message needs (why the recipient gets it, the
// postal address and the unsubscribe link).
class StarterLayout
{
    Q_DECLARE_TR_FUNCTIONS(herald::StarterLayout)
public:
    explicit StarterLayout(const Branding& branding);

    void heading(int level, const QString& text);
    void paragraph(const QString& text);
    // Lines of "label text", the labels in bold (an event's when and where).
    void details(const QList<QPair<QString, QString>>& lines);
    void bullets(const QStringList& items);
    // A centred button (a link in the organisation's colour).
    void button(const QString& label, const QString& href);
    // The closing words and, on the next line, who signs.
    void signOff(const QString& closing);

    // The content with the footer.
    RichText finish() const;

private:
    static RichRun text(const QString& characters, const RunFormat& format = {});
    static RichRun lineBreak();
    void masthead();
    void add(RichBlock block);

    Branding m_branding;
    RichText m_content;
    int m_lists = 0;
};

} // namespace herald
