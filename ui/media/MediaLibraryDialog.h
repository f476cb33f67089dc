#pragma once

#include "media/MediaItem.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace herald {

class Database;
class ProgressRunner;

// The team's media library (issue 17): its images as thumbnails with name, size and dimensions. Import… adds
// PNG, JPEG and GIF files (several behind a progress dialog that can cancel; errors name the file), Remove is
// refused with the reason while a template or an unfinished campaign shows the image, Copy reference puts
// "media:NAME" on the clipboard for a template's image source. The list is read without the images' bytes;
// thumbnails are read one image at a time after it shows. In pick mode, Insert returns the chosen reference.
class MediaLibraryDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Manage, Pick };
    static constexpr int ThumbnailSize = 96;

    MediaLibraryDialog(Database& database, Mode mode, QWidget* parent = nullptr);

    // Opens the library to manage it (not modal to the window's other pages: deleted when closed).
    static MediaLibraryDialog* open(QWidget* parent, Database& database);
    // Lets the user choose an image (for the visual editor's image dialog): "media:NAME", or nothing when cancelled.
    static std::optional<QString> pick(QWidget* parent, Database& database);

    // The chosen image's reference ("media:NAME"); empty when none is chosen.
    QString selectedReference() const;
    bool isImporting() const;
    // Thumbnails still to be read.
    int pendingThumbnails() const { return int(m_thumbnailQueue.size()); }

public slots:
    // Reads the list again, keeping `selectName` chosen when it is there.
    void reload(const QString& selectName = QString());
    void importFiles();
    void removeSelected();
    void copyReference();

private:
    void importPaths(const QStringList& paths);
    void loadNextThumbnail();
    void updateButtons();
    QString selectedName() const;
    void showError(const QString& message);
    void showNote(const QString& message);

    Database& m_database;
    const Mode m_mode;
    QListWidget* m_list;
    QLabel* m_summaryLabel;
    QLabel* m_noteLabel;
    QLabel* m_errorLabel;
    QPushButton* m_importButton;
    QPushButton* m_removeButton;
    QPushButton* m_copyButton;
    QPushButton* m_insertButton = nullptr;
    ProgressRunner* m_importRunner;
    QStringList m_thumbnailQueue;
};

} // namespace herald
