#pragma once

#include "domain/Attachment.h"

#include <QCoreApplication>
#include <QList>

class QLabel;

namespace herald {

// How a campaign's attachments are summed up on screen, the same in the editor and the test send: the files with
// their sizes, the total against the 10 MB limit, and the repository's deliverability warning above 1 MB.
class AttachmentSummary
{
    Q_DECLARE_TR_FUNCTIONS(herald::AttachmentSummary)
public:
    // "report.pdf (1.2 MB), logo.png (12 KB)", or "None".
    static QString files(const QList<Attachment>& attachments);
    // "Total: 1.2 MB of 10 MB."
    static QString total(const QList<Attachment>& attachments);
    // Shows `text` in `label`, then the warning (if the total calls for one), in the warning colour.
    static void show(QLabel* label, const QString& text, const QList<Attachment>& attachments);
};

} // namespace herald
