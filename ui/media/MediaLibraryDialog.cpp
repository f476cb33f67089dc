#include "MediaLibraryDialog.h"

#include "common/FileDialog.h"
#include "common/FormFeedback.h"
#include "common/MessageBox.h"
#include "common/ProgressRunner.h"
#include "common/RoleGate.h"
#include "media/MediaReference.h"
#include "storage/MediaRepository.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace herald {

namespace {
constexpr int NameRole = Qt::UserRole;

// What an import of several files came to, filled on the worker thread and read when it is done.
struct ImportOutcome
{
    int imported = 0;
    QString lastName;
    QStringList errors; // each names its file
};
} // namespace

MediaLibraryDialog::MediaLibraryDialog(Database& database, Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_mode(mode)
    , m_list(new QListWidget(this))
    , m_summaryLabel(new QLabel(this))
    , m_noteLabel(FormFeedback::createNoteLabel(QStringLiteral("mediaNoteLabel"), this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("mediaErrorLabel"), this))
    , m_importButton(new QPushButton(tr("&Import…"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_copyButton(new QPushButton(tr("&Copy Reference"), this))
    , m_importRunner(new ProgressRunner(this, QStringLiteral("mediaImportProgress")))
{
    setObjectName(QStringLiteral("mediaLibraryDialog"));
    setWindowTitle(mode == Mode::Pick ? tr("Choose an Image") : tr("Media Library"));
    m_list->setObjectName(QStringLiteral("mediaList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(ThumbnailSize, ThumbnailSize));
    m_list->setGridSize(QSize(ThumbnailSize + 84, ThumbnailSize + 56));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_noteLabel->hide();
    m_summaryLabel->setObjectName(QStringLiteral("mediaSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_importButton->setObjectName(QStringLiteral("importMediaButton"));
    m_importButton->setToolTip(tr("Add PNG, JPEG or GIF images: wider than 1,200 px is scaled down, and each must "
                                  "take 1 MB at most"));
    m_removeButton->setObjectName(QStringLiteral("removeMediaButton"));
    m_copyButton->setObjectName(QStringLiteral("copyMediaReferenceButton"));
    m_copyButton->setToolTip(tr("Copy media:NAME, the image's source in a template's HTML"));
    connect(m_importButton, &QPushButton::clicked, this, &MediaLibraryDialog::importFiles);
    connect(m_removeButton, &QPushButton::clicked, this, &MediaLibraryDialog::removeSelected);
    RoleGate::require(SessionRole::Right::EditContent, { m_importButton, m_removeButton });
    connect(m_copyButton, &QPushButton::clicked, this, &MediaLibraryDialog::copyReference);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &MediaLibraryDialog::updateButtons);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_importButton);
    tools->addWidget(m_removeButton);
    tools->addWidget(m_copyButton);
    tools->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    if (mode == Mode::Pick) {
        m_insertButton = new QPushButton(tr("I&nsert"), this);
        m_insertButton->setObjectName(QStringLiteral("insertMediaButton"));
        m_insertButton->setDefault(true);
        connect(m_insertButton, &QPushButton::clicked, this, &QDialog::accept);
        connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
        buttons->addWidget(m_insertButton);
    }
    auto* closeButton = new QPushButton(mode == Mode::Pick ? tr("Cancel") : tr("Close"), this);
    closeButton->setObjectName(QStringLiteral("closeMediaButton"));
    connect(closeButton, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(closeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addLayout(tools);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);
    resize(780, 540);
    reload();
}

MediaLibraryDialog* MediaLibraryDialog::open(QWidget* parent, Database& database)
{
    auto* dialog = new MediaLibraryDialog(database, Mode::Manage, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

std::optional<QString> MediaLibraryDialog::pick(QWidget* parent, Database& database)
{
    MediaLibraryDialog dialog(database, Mode::Pick, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedReference().isEmpty())
        return std::nullopt;
    return dialog.selectedReference();
}

QString MediaLibraryDialog::selectedName() const
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(NameRole).toString();
}

QString MediaLibraryDialog::selectedReference() const
{
    const QString name = selectedName();
    return name.isEmpty() ? QString() : MediaReference::sourceFor(name);
}

bool MediaLibraryDialog::isImporting() const { return m_importRunner->isRunning(); }

void MediaLibraryDialog::reload(const QString& selectName)
{
    m_list->clear();
    m_thumbnailQueue.clear();
    const auto images = MediaRepository(m_database).list(); // without their bytes
    if (!images) {
        showError(images.error().message);
        updateButtons();
        return;
    }
    QPixmap blank(ThumbnailSize, ThumbnailSize);
    blank.fill(Qt::transparent);
    qint64 total = 0;
    for (const MediaItem& image : images.value()) {
        auto* item = new QListWidgetItem(QIcon(blank), tr("%1\n%2 · %3×%4")
                                                           .arg(image.name, QLocale().formattedDataSize(image.size))
                                                           .arg(image.image.width)
                                                           .arg(image.image.height),
                                         m_list);
        item->setData(NameRole, image.name);
        item->setToolTip(tr("%1 (%2, %3×%4 px, %5)")
                             .arg(image.name, image.image.contentType)
                             .arg(image.image.width)
                             .arg(image.image.height)
                             .arg(QLocale().formattedDataSize(image.size)));
        if (image.name == selectName)
            item->setSelected(true);
        m_thumbnailQueue << image.name;
        total += image.size;
    }
    m_summaryLabel->setText(images->isEmpty()
                                ? tr("The media library is empty: import PNG, JPEG or GIF images to show them in "
                                     "templates.")
                                : tr("%n image(s), %1 in all, shared by everyone using this database.", nullptr,
                                     int(images->size()))
                                      .arg(QLocale().formattedDataSize(total)));
    if (!m_list->selectedItems().isEmpty())
        m_list->scrollToItem(m_list->selectedItems().first());
    else if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
    QTimer::singleShot(0, this, &MediaLibraryDialog::loadNextThumbnail);
}

void MediaLibraryDialog::loadNextThumbnail()
{
    if (m_thumbnailQueue.isEmpty())
        return;
    const QString name = m_thumbnailQueue.takeFirst();
    const auto image = MediaRepository(m_database).findByName(name);
    for (int row = 0; image && row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (item->data(NameRole).toString() != name)
            continue;
        const QImage decoded = QImage::fromData(image->image.bytes);
        if (!decoded.isNull())
            item->setIcon(QPixmap::fromImage(decoded.scaled(ThumbnailSize, ThumbnailSize, Qt::KeepAspectRatio,
                                                            Qt::SmoothTransformation)));
        break;
    }
    QTimer::singleShot(0, this, &MediaLibraryDialog::loadNextThumbnail); // one image per turn: the dialog stays live
}

void MediaLibraryDialog::updateButtons()
{
    const bool chosen = !selectedName().isEmpty();
    m_removeButton->setEnabled(chosen && !isImporting());
    m_copyButton->setEnabled(chosen);
    m_importButton->setEnabled(!isImporting());
    if (m_insertButton)
        m_insertButton->setEnabled(chosen);
}

void MediaLibraryDialog::importFiles()
{
    const QStringList paths = FileDialog::openFileNames(this, tr("Import Images"),
                                                        tr("Images (*.png *.jpg *.jpeg *.gif);;All files (*)"));
    if (!paths.isEmpty())
        importPaths(paths);
}

void MediaLibraryDialog::importPaths(const QStringList& paths)
{
    FormFeedback::clearError(m_errorLabel);
    auto outcome = std::make_shared<ImportOutcome>();
    Database& database = m_database;
    const bool started = m_importRunner->start(
        tr("Import Images"), tr("Importing %n image(s)…", nullptr, int(paths.size())),
        [&database, paths, outcome](const JobControl& control) {
            MediaRepository media(database);
            for (int i = 0; i < paths.size() && !control.cancelled(); ++i) {
                if (auto imported = media.importFile(paths.at(i))) {
                    ++outcome->imported;
                    outcome->lastName = imported->name;
                } else {
                    outcome->errors << imported.error().message;
                }
                control.report(i + 1, paths.size());
            }
            database.releaseThreadConnection(); // a pool thread: its connection would outlive the job
        },
        [this, outcome](bool cancelled) {
            reload(outcome->lastName);
            showNote(cancelled ? tr("Import cancelled; %n image(s) imported before that.", nullptr, outcome->imported)
                               : tr("%n image(s) imported.", nullptr, outcome->imported));
            if (!outcome->errors.isEmpty())
                showError(tr("Not imported:\n%1").arg(outcome->errors.join(QLatin1Char('\n'))));
            updateButtons();
        });
    if (started)
        updateButtons();
}

void MediaLibraryDialog::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const auto answer = MessageBox::question(this, tr("Remove Image"),
                                             tr("Remove the image '%1' from the media library? Messages already sent "
                                                "with it linked will no longer show it.").arg(name),
                                             MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
                                             {{QMessageBox::Yes, tr("Remove")}, {QMessageBox::No, tr("Keep")}});
    if (answer != QMessageBox::Yes)
        return;
    FormFeedback::clearError(m_errorLabel);
    if (const Status removed = MediaRepository(m_database).remove(name); !removed) {
        showError(removed.error().message);
        return;
    }
    reload();
    showNote(tr("Removed '%1'.").arg(name));
}

void MediaLibraryDialog::copyReference()
{
    const QString reference = selectedReference();
    if (reference.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(reference);
    showNote(tr("Copied %1: use it as an image's source in a template's HTML.").arg(reference));
}

void MediaLibraryDialog::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
}

void MediaLibraryDialog::showNote(const QString& message)
{
    m_noteLabel->setText(message);
    m_noteLabel->setVisible(!message.isEmpty());
}

} // namespace herald
