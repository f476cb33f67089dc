#include "SyncConflictDialog.h"

#include "SyncLogDialog.h"
#include "domain/Audience.h"
#include "sync/TextDiff.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace herald {

namespace {
bool isBody(const QString& column)
{
    return column == QLatin1String("html_body") || column == QLatin1String("text_body");
}
} // namespace

SyncConflictDialog::SyncConflictDialog(QList<SyncEngine::ConflictSides> conflicts, Resolver resolver, QWidget* parent)
    : QDialog(parent)
    , m_conflicts(std::move(conflicts))
    , m_resolver(std::move(resolver))
    , m_headline(new QLabel(this))
    , m_fields(new QTableWidget(0, 3, this))
    , m_diff(new QTextBrowser(this))
    , m_errorLabel(new QLabel(this))
    , m_keepMine(new QPushButton(tr("Keep &Mine"), this))
    , m_keepServer(new QPushButton(tr("Keep the &Server's"), this))
    , m_keepBoth(new QPushButton(tr("Keep &Both"), this))
{
    setObjectName(QStringLiteral("syncConflictDialog"));
    setWindowTitle(tr("Sync Conflicts"));
    m_headline->setObjectName(QStringLiteral("conflictHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Yours (this computer)"), tr("On the server")});
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setWordWrap(true);
    m_diff->setObjectName(QStringLiteral("conflictBodyDiff"));
    m_errorLabel->setObjectName(QStringLiteral("conflictError"));
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_keepMine->setToolTip(tr("Your version replaces the server's."));
    m_keepServer->setObjectName(QStringLiteral("keepServerButton"));
    m_keepServer->setToolTip(tr("The server's version replaces yours on this computer."));
    m_keepBoth->setObjectName(QStringLiteral("keepBothButton"));
    m_keepBoth->setToolTip(tr("Keeps the server's version and yours as a new draft of its own."));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_keepMine, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepServer, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepBoth, QDialogButtonBox::ActionRole);
    QPushButton* later = buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("decideLaterButton"));
    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolveCurrent(Resolution::KeepMine); });
    connect(m_keepServer, &QPushButton::clicked, this, [this] { resolveCurrent(Resolution::KeepServer); });
    connect(m_keepBoth, &QPushButton::clicked, this, [this] { resolveCurrent(Resolution::KeepBoth); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_fields);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(900, 640);
    showCurrent();
}

QString SyncConflictDialog::fieldLabel(const QString& column) const
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("subject"), QT_TR_NOOP("Subject")},
        {QStringLiteral("template_id"), QT_TR_NOOP("Template")},
        {QStringLiteral("template_version"), QT_TR_NOOP("Template version")},
        {QStringLiteral("audience"), QT_TR_NOOP("Audience")},
        {QStringLiteral("from_name"), QT_TR_NOOP("From name")},
        {QStringLiteral("from_email"), QT_TR_NOOP("From address")},
        {QStringLiteral("reply_to"), QT_TR_NOOP("Reply-To")},
        {QStringLiteral("postal_address"), QT_TR_NOOP("Postal address")},
        {QStringLiteral("unsubscribe_base_url"), QT_TR_NOOP("Unsubscribe link")},
        {QStringLiteral("scheduled_at"), QT_TR_NOOP("Scheduled for")},
        {QStringLiteral("created_by"), QT_TR_NOOP("Created by")},
        {QStringLiteral("sender_identity_id"), QT_TR_NOOP("Sender")},
        {QStringLiteral("segment_id"), QT_TR_NOOP("Segment")},
        {QStringLiteral("unknown_policy"), QT_TR_NOOP("Unknown outcomes")},
        {QStringLiteral("tracking"), QT_TR_NOOP("Opens and clicks")},
        {QStringLiteral("image_mode"), QT_TR_NOOP("Images")},
        {QStringLiteral("definition"), QT_TR_NOOP("Definition")},
        {QStringLiteral("html_body"), QT_TR_NOOP("HTML body")},
        {QStringLiteral("text_body"), QT_TR_NOOP("Plain-text body")},
    };
    const char* label = labels.value(column);
    return label ? tr(label) : column;
}

QString SyncConflictDialog::display(const SyncEngine::ConflictSides& sides, const std::optional<SyncRecord>& side,
                                    int column) const
{
    if (!side)
        return tr("(deleted)");
    const SyncTable::Column& c = sides.table->columns.at(column);
    const QVariant value = side->values.value(column);
    switch (c.kind) {
    case SyncTable::Kind::Reference:
        return value.toString().isEmpty() ? tr("(none)") : sides.referenceNames.value(value.toString(), value.toString());
    case SyncTable::Kind::Audience: {
        const QString segment = SyncTable::audienceSegmentUuid(value.toString());
        if (!segment.isEmpty())
            return tr("Segment: %1").arg(sides.referenceNames.value(segment, segment));
        return Audience::fromJson(value.toString()).describe();
    }
    case SyncTable::Kind::Timestamp:
        return value.toDateTime().isValid() ? QLocale().toString(value.toDateTime().toLocalTime(), QLocale::ShortFormat)
                                            : tr("(not set)");
    default:
        return value.toString();
    }
}

QString SyncConflictDialog::diffHtml(const QString& title, const QString& mine, const QString& theirs)
{
    QString html = QStringLiteral("<h4>%1</h4><pre style=\"margin:0\">").arg(title.toHtmlEscaped());
    for (const TextDiff::Line& line : TextDiff::lines(mine, theirs)) {
        switch (line.kind) {
        case TextDiff::Kind::Same:
            html += QStringLiteral("  %1\n").arg(line.text.toHtmlEscaped());
            break;
        case TextDiff::Kind::Removed:
            html += QStringLiteral("<span style=\"background:#fde7e9;color:#8c1d18\">− %1</span>\n")
                        .arg(line.text.toHtmlEscaped());
            break;
        case TextDiff::Kind::Added:
            html += QStringLiteral("<span style=\"background:#e6f4ea;color:#1b5e20\">+ %1</span>\n")
                        .arg(line.text.toHtmlEscaped());
            break;
        }
    }
    return html + QStringLiteral("</pre>");
}

void SyncConflictDialog::showCurrent()
{
    m_errorLabel->hide();
    if (m_current >= m_conflicts.size()) {
        accept();
        return;
    }
    const SyncEngine::ConflictSides& sides = m_conflicts.at(m_current);
    const QString what = SyncLogDialog::describeEntity(sides.table->entity);
    const QString name = sides.mine ? sides.mine->name() : sides.server ? sides.server->name() : sides.conflict.name;
    QString why;
    switch (sides.conflict.kind) {
    case ConflictKind::EditedOnBoth:
        why = sides.server && !sides.server->inScope
            ? tr("You changed it here, and on the server it was queued for sending since the last sync.")
            : tr("It was changed both here and on the server since the last sync.");
        break;
    case ConflictKind::DeletedOnServer:
        why = tr("You changed it here, and someone deleted it on the server.");
        break;
    case ConflictKind::DeletedLocally:
        why = tr("You deleted it here, and someone changed it on the server.");
        break;
    }
    m_headline->setText(tr("Conflict %1 of %2 — %3 '%4'. %5 Nothing has been overwritten; choose which version to keep.")
                            .arg(m_current + 1)
                            .arg(m_conflicts.size())
                            .arg(what, name, why));

    m_fields->setRowCount(0);
    QString diff;
    for (int i = 0; i < sides.table->columns.size(); ++i) {
        const QString column = sides.table->columns.at(i).name;
        const QString mine = display(sides, sides.mine, i);
        const QString theirs = display(sides, sides.server, i);
        if (isBody(column)) {
            if (mine != theirs || !mine.isEmpty())
                diff += diffHtml(fieldLabel(column), sides.mine ? mine : QString(), sides.server ? theirs : QString());
            continue;
        }
        const int row = m_fields->rowCount();
        m_fields->insertRow(row);
        auto* label = new QTableWidgetItem(fieldLabel(column));
        auto* mineItem = new QTableWidgetItem(mine);
        auto* theirsItem = new QTableWidgetItem(theirs);
        if (mine != theirs) {
            QFont bold = label->font();
            bold.setBold(true);
            for (QTableWidgetItem* item : {label, mineItem, theirsItem}) {
                item->setFont(bold);
                item->setBackground(QColor(0xff, 0xf4, 0xce));
            }
        }
        m_fields->setItem(row, 0, label);
        m_fields->setItem(row, 1, mineItem);
        m_fields->setItem(row, 2, theirsItem);
    }
    // Once the columns have their widths, so wrapped rows get the height they need and no more.
    QTimer::singleShot(0, m_fields, &QTableWidget::resizeRowsToContents);
    m_diff->setHtml(diff.isEmpty() ? tr("<p>No bodies to compare.</p>")
                                   : tr("<p>Lines marked − are only in yours, + only on the server.</p>") + diff);
    const bool queuedOnServer = sides.server && !sides.server->inScope;
    m_keepMine->setEnabled(!queuedOnServer);
    m_keepMine->setToolTip(queuedOnServer ? tr("It was queued on the server; keep both to keep yours as a new draft.")
                                          : tr("Your version replaces the server's."));
    m_keepBoth->setEnabled(sides.mine.has_value());
}

void SyncConflictDialog::resolveCurrent(Resolution resolution)
{
    if (m_current >= m_conflicts.size())
        return;
    const Status resolved = m_resolver(m_conflicts.at(m_current).conflict.id, resolution);
    if (!resolved) {
        m_errorLabel->setText(resolved.error().message);
        m_errorLabel->show();
        return;
    }
    ++m_resolved;
    ++m_current;
    showCurrent();
}

} // namespace herald
