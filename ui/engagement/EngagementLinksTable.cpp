#include "EngagementLinksTable.h"

#include "EngagementText.h"
#include "common/ColumnWidths.h"
#include "common/ListTable.h"

#include <QHeaderView>

namespace herald {

namespace {
// A number the table sorts as a number and shows in the user's locale.
QTableWidgetItem* countItem(qint64 count)
{
    auto* item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, count);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

EngagementLinksTable::EngagementLinksTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("engagementLinksTable"));
    setHorizontalHeaderLabels({tr("#"), tr("Link"), tr("People's clicks"), tr("People who clicked"),
                               tr("Machines' clicks")});
    horizontalHeaderItem(Number)->setToolTip(tr("The link's number in the message, as the Recipients tab lists it."));
    horizontalHeaderItem(UniqueClickers)->setToolTip(tr("Recipients who clicked the link (per-recipient tracking only)."));
    horizontalHeaderItem(MachineClicks)->setToolTip(tr("Clicks by link scanners that open every link of a message."));
    setUpListTable(this);
    setSelectionMode(QAbstractItemView::SingleSelection);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionResizeMode(Url, QHeaderView::Stretch);
    setSortingEnabled(true);
    sortByColumn(HumanClicks, Qt::DescendingOrder);
    // Widths after the sort indicator, which the headers' size hints make room for.
    setColumnWidthFittingHeader(horizontalHeader(), Number, 40);
    for (const int column : {HumanClicks, UniqueClickers, MachineClicks})
        setColumnWidthFittingHeader(horizontalHeader(), column, 120);
}

void EngagementLinksTable::showReport(const CampaignEngagement& report)
{
    // A refresh keeps the order the user chose.
    const Qt::SortOrder order = horizontalHeader()->sortIndicatorOrder();
    const int sortColumn = horizontalHeader()->sortIndicatorSection();
    setSortingEnabled(false); // rows would move while they are filled
    clearContents();
    setRowCount(int(report.links.size()));
    for (int row = 0; row < report.links.size(); ++row) {
        const LinkEngagement& link = report.links.at(row);
        setItem(row, Number, countItem(link.linkNo));
        auto* url = new QTableWidgetItem(link.url);
        url->setToolTip(link.url);
        setItem(row, Url, url);
        setItem(row, HumanClicks, countItem(link.humanClicks));
        if (report.uniquesKnown) {
            setItem(row, UniqueClickers, countItem(link.uniqueHumanClickers));
        } else {
            auto* unknown = new QTableWidgetItem(EngagementText::unique(0, false));
            unknown->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            unknown->setToolTip(EngagementText::unknownUniqueExplanation());
            setItem(row, UniqueClickers, unknown);
        }
        setItem(row, MachineClicks, countItem(link.machineClicks));
    }
    setSortingEnabled(true);
    sortByColumn(sortColumn, order);
}

} // namespace herald
