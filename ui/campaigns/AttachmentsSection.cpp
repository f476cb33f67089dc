#include "AttachmentsSection.h"

#include "AttachmentSummary.h"
#include "common/FileDialog.h"
#include "common/FormFeedback.h"
#include "common/RoleGate.h"
#include "storage/CampaignAttachmentRepository.h"

#include <QDir>
#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald {

namespace {
constexpr int VisibleRows = 3;
}

AttachmentsSection::AttachmentsSection(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_list(new QTreeWidget(this))
    , m_addButton(new QPushButton(tr("Add Fi&le…"), this))
    , m_removeButton(new QPushButton(tr("Re&move"), this))
    , m_totalLabel(new QLabel(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("attachmentErrorLabel"), this))
{
    setObjectName(QStringLiteral("attachmentsSection"));
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("File"), tr("Type"), tr("Size")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setFixedHeight(m_list->header()->sizeHint().height() + VisibleRows * m_list->fontMetrics().height() * 3 / 2
                           + 2 * m_list->frameWidth());
    m_list->installEventFilter(this); // Delete removes, as in a file manager
    m_addButton->setObjectName(QStringLiteral("addAttachmentButton"));
    m_addButton->setToolTip(tr("Attach a file (such as the annual report) to every message of this campaign"));
    m_removeButton->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_totalLabel->setObjectName(QStringLiteral("attachmentTotalLabel"));
    m_totalLabel->setWordWrap(true);
    m_totalLabel->setTextFormat(Qt::PlainText);
    setFocusProxy(m_list);
    connect(m_addButton, &QPushButton::clicked, this, &AttachmentsSection::addFiles);
    connect(m_removeButton, &QPushButton::clicked, this, &AttachmentsSection::removeSelected);
    RoleGate::require(SessionRole::Right::EditContent, { m_addButton, m_removeButton });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AttachmentsSection::updateButtons);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_totalLabel);
    layout->addWidget(m_errorLabel);
    showRows();
}

Status AttachmentsSection::load(qint64 campaignId)
{
    m_rows.clear();
    m_removed.clear();
    FormFeedback::clearError(m_errorLabel);
    Status loaded;
    if (campaignId > 0) {
        if (auto stored = CampaignAttachmentRepository(m_database).list(campaignId))
            m_rows = stored.value();
        else
            loaded = stored.error();
    }
    showRows();
    return loaded;
}

Status AttachmentsSection::save(qint64 campaignId)
{
    CampaignAttachmentRepository repository(m_database);
    while (!m_removed.isEmpty()) { // first, so a file removed and added again under its name is replaced
        if (Status removed = repository.remove(campaignId, m_removed.first()); !removed)
            return removed;
        m_removed.removeFirst();
    }
    for (Attachment& row : m_rows) {
        if (row.id > 0)
            continue;
        auto added = repository.add(campaignId, row.fileName, row.bytes, row.contentType);
        if (!added)
            return added.error();
        row = added.value();
        row.bytes.clear(); // stored now; the list keeps no file in memory
    }
    FormFeedback::clearError(m_errorLabel);
    showRows();
    return {};
}

void AttachmentsSection::setEditable(bool editable)
{
    m_editable = editable;
    updateButtons();
}

int AttachmentsSection::pendingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Attachment& row) { return row.id == 0; }));
}

void AttachmentsSection::addFiles()
{
    const QStringList paths = FileDialog::openFileNames(this, tr("Attach Files"), QDir::homePath(), tr("All files (*)"));
    FormFeedback::clearError(m_errorLabel);
    for (const QString& path : paths) {
        if (Status added = addFile(path); !added) {
            showError(added.error().message);
            break;
        }
    }
}

Status AttachmentsSection::addFile(const QString& path)
{
    const QFileInfo info(path);
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly))
        return Error::validation(QStringLiteral("file"),
                                 tr("Could not read '%1': %2").arg(path, info.isDir() ? tr("it is a folder") : file.errorString()));
    // Refused before it is read when it cannot fit.
    const qint64 total = CampaignAttachmentRepository::totalOf(m_rows);
    if (Status fits = CampaignAttachmentRepository::checkTotal(info.fileName(), file.size(), total); !fits)
        return fits;
    auto prepared = CampaignAttachmentRepository::prepare(info.fileName(), file.readAll());
    if (!prepared)
        return prepared.error();
    for (const Attachment& row : std::as_const(m_rows)) {
        if (row.fileName == prepared->fileName)
            return Error::make(Error::Kind::Duplicate,
                               tr("'%1' is attached already; remove it first to attach it again.").arg(row.fileName));
    }
    m_rows.append(prepared.value());
    showRows();
    m_list->setCurrentItem(m_list->topLevelItem(m_list->topLevelItemCount() - 1));
    emit changed();
    return {};
}

void AttachmentsSection::removeSelected()
{
    const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (!m_editable || index < 0 || index >= m_rows.size())
        return;
    const Attachment removed = m_rows.takeAt(index);
    if (removed.id > 0)
        m_removed << removed.fileName;
    FormFeedback::clearError(m_errorLabel);
    showRows();
    emit changed();
}

bool AttachmentsSection::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        removeSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void AttachmentsSection::showRows()
{
    const int current = m_list->indexOfTopLevelItem(m_list->currentItem());
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const Attachment& row : std::as_const(m_rows)) {
            auto* item = new QTreeWidgetItem(m_list, {row.fileName, row.contentType,
                                                      CampaignAttachmentRepository::sizeText(row.size)});
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            if (row.id == 0)
                item->setToolTip(0, tr("Attached when the campaign is saved"));
        }
        if (m_list->topLevelItemCount() > 0)
            m_list->setCurrentItem(m_list->topLevelItem(qBound(0, current, m_list->topLevelItemCount() - 1)));
    }
    AttachmentSummary::show(m_totalLabel,
                            m_rows.isEmpty() ? tr("No attachments.") : AttachmentSummary::total(m_rows), m_rows);
    updateButtons();
    growWindow();
}

void AttachmentsSection::growWindow()
{
    QWidget* top = window();
    if (top == this || !top->isVisible() || !top->layout())
        return;
    top->layout()->activate();
    const int needed = top->heightForWidth(top->width());
    if (needed > top->height())
        top->resize(top->width(), needed);
}

void AttachmentsSection::updateButtons()
{
    m_addButton->setEnabled(m_editable);
    m_removeButton->setEnabled(m_editable && m_list->currentItem());
}

void AttachmentsSection::showError(const QString& message)
{
    FormFeedback::showError(m_errorLabel, message);
    growWindow();
}

} // namespace herald
