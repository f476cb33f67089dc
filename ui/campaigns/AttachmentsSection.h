#pragma once

#include "domain/Attachment.h"
#include "domain/Error.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace herald {

class Database;

// The campaign editor's "Attachments": the files every message carries (name, type, size), Add File… and
// Remove, the total against the 10 MB limit and the warning above 1 MB. Changes wait here until the campaign is
// saved (a new campaign has no id to attach to before that); save() then removes and adds through
// CampaignAttachmentRepository, whose rules (limit, names, types) are the ones applied when a file is added.
class AttachmentsSection : public QWidget
{
    Q_OBJECT
public:
    AttachmentsSection(Database& database, QWidget* parent = nullptr);

    // Shows the stored files of `campaignId` (none for 0), dropping changes not saved.
    Status load(qint64 campaignId);
    // Stores the changes for `campaignId`; what failed stays pending and the error names the file.
    Status save(qint64 campaignId);
    void setEditable(bool editable);
    // The files as shown: the stored ones (without bytes) and the ones added since (with them).
    const QList<Attachment>& attachments() const { return m_rows; }
    bool hasChanges() const { return !m_removed.isEmpty() || pendingCount() > 0; }

public slots:
    // Asks for files (FileDialog) and adds them.
    void addFiles();
    void removeSelected();

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Adds one file; the error names it.
    Status addFile(const QString& path);
    int pendingCount() const;
    void showRows();
    void updateButtons();
    void showError(const QString& message);
    // The dialog grows with the lines under the list (the warning, an error) instead of squeezing them together.
    void growWindow();

    Database& m_database;
    QList<Attachment> m_rows;
    QStringList m_removed; // stored files to detach on save
    bool m_editable = true;
    QTreeWidget* m_list;
    QPushButton* m_addButton;
    QPushButton* m_removeButton;
    QLabel* m_totalLabel;
    QLabel* m_errorLabel;
};

} // namespace herald
