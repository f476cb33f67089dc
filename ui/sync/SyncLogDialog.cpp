#include "SyncLogDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace herald {

namespace {
// The words for a code of the sync log; an unknown code is shown as it is.
QString translated(const QHash<QString, const char*>& texts, const QString& code)
{
    const char* text = texts.value(code);
    return text ? SyncLogDialog::tr(text) : code;
}
} // namespace

SyncLogDialog::SyncLogDialog(const QList<SyncLogEntry>& entries, int openConflicts, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(int(entries.size()), 5, this))
{
    setObjectName(QStringLiteral("syncLogDialog"));
    setWindowTitle(tr("Sync Log"));
    auto* summary = new QLabel(openConflicts > 0
                                   ? tr("%n conflict(s) wait for your decision; they open after the next sync.", "",
                                        openConflicts)
                                   : tr("No conflicts are waiting."),
                               this);
    summary->setObjectName(QStringLiteral("syncLogSummary"));
    m_table->setObjectName(QStringLiteral("syncLogTable"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Kind"), tr("Name"), tr("Detail")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < entries.size(); ++row) {
        const SyncLogEntry& entry = entries.at(row);
        const QStringList cells{QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat), describe(entry.action),
                                describeEntity(entry.entity), entry.name.isEmpty() ? entry.uuid : entry.name, entry.detail};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == 3)
                item->setToolTip(entry.uuid);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(860, 480);
}

int SyncLogDialog::rowCount() const { return m_table->rowCount(); }

QString SyncLogDialog::describe(const QString& action)
{
    static const QHash<QString, const char*> texts = {
        {QStringLiteral("pushed"), QT_TR_NOOP("Sent to the server")},
        {QStringLiteral("pulled"), QT_TR_NOOP("Received from the server")},
        {QStringLiteral("deleted_on_server"), QT_TR_NOOP("Deleted on the server")},
        {QStringLiteral("deleted_locally"), QT_TR_NOOP("Deleted here")},
        {QStringLiteral("matched"), QT_TR_NOOP("Already the same")},
        {QStringLiteral("renamed"), QT_TR_NOOP("Renamed")},
        {QStringLiteral("conflict"), QT_TR_NOOP("Conflict")},
        {QStringLiteral("resolved"), QT_TR_NOOP("Conflict resolved")},
        {QStringLiteral("failed"), QT_TR_NOOP("Not synced")},
        {QStringLiteral("refused"), QT_TR_NOOP("Refused to your role, kept here")},
        {QStringLiteral("finished"), QT_TR_NOOP("Sync finished")},
    };
    return translated(texts, action);
}

QString SyncLogDialog::describeEntity(const QString& entity)
{
    static const QHash<QString, const char*> texts = {
        {QStringLiteral("template"), QT_TR_NOOP("Template")},
        {QStringLiteral("campaign"), QT_TR_NOOP("Campaign")},
        {QStringLiteral("segment"), QT_TR_NOOP("Segment")},
        {QStringLiteral("sender_identity"), QT_TR_NOOP("Sender identity")},
    };
    return translated(texts, entity);
}

} // namespace herald
