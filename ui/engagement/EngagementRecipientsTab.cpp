#include "EngagementRecipientsTab.h"

#include "common/ColumnWidths.h"
#include "common/FormFeedback.h"
#include "common/ListTable.h"
#include "common/PluralCount.h"
#include "common/SearchField.h"
#include "itemmodels/EngagementRecipientsModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace herald {

EngagementRecipientsTab::EngagementRecipientsTab(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_model(new EngagementRecipientsModel(database, this))
    , m_searchEdit(new SearchField(tr("Search name, address or city…"), 340, this))
    , m_peopleOnly(new QCheckBox(tr("&People only"), this))
    , m_countLabel(new QLabel(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("recipientsErrorLabel"), this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("engagementRecipientsTab"));
    m_searchEdit->setObjectName(QStringLiteral("recipientSearchEdit"));
    m_searchEdit->setAccessibleName(tr("Search recipients"));
    connect(m_searchEdit, &SearchField::searchChanged, m_model, &EngagementRecipientsModel::setSearchText);
    m_peopleOnly->setObjectName(QStringLiteral("peopleOnlyCheck"));
    m_peopleOnly->setToolTip(tr("Leave out the recipients whose message only machines (link scanners, image proxies) "
                                "opened or clicked."));
    connect(m_peopleOnly, &QCheckBox::toggled, m_model, &EngagementRecipientsModel::setHumansOnly);
    m_countLabel->setObjectName(QStringLiteral("recipientCountLabel"));
    connect(m_model, &EngagementRecipientsModel::totalCountChanged, this, &EngagementRecipientsTab::showCount);
    connect(m_model, &EngagementRecipientsModel::errorOccurred, this,
            [this](const QString& message) { FormFeedback::showError(m_errorLabel, message); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { FormFeedback::clearError(m_errorLabel); });

    m_view->setObjectName(QStringLiteral("engagementRecipientsTable"));
    m_view->setModel(m_model);
    setUpListTable(m_view);
    QHeaderView* header = m_view->horizontalHeader();
    const std::pair<int, int> widths[] = {{EngagementRecipientsModel::Name, 220},
                                          {EngagementRecipientsModel::Email, 220},
                                          {EngagementRecipientsModel::FirstOpened, 130},
                                          {EngagementRecipientsModel::FirstClicked, 130},
                                          {EngagementRecipientsModel::LinksClicked, 100}};
    for (const auto& [column, width] : widths)
        setColumnWidthFittingHeader(header, column, width);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_searchEdit);
    filters->addWidget(m_peopleOnly);
    filters->addStretch(1);
    filters->addWidget(m_countLabel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_searchEdit);
}

void EngagementRecipientsTab::setCampaign(qint64 campaignId)
{
    m_model->setCampaign(campaignId);
    showCount(m_model->totalCount());
}

void EngagementRecipientsTab::refresh()
{
    m_model->refresh();
}

void EngagementRecipientsTab::showCount(qint64 count)
{
    m_countLabel->setText(tr("%Ln recipient(s) opened or clicked", nullptr, pluralCount(count)));
}

} // namespace herald
