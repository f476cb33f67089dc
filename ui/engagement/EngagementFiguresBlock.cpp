#include "EngagementFiguresBlock.h"

#include "EngagementText.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace herald {

namespace {
enum Figure { Opens, UniqueOpens, OpenRate, Clicks, UniqueClicks, ClickRate, ClickToOpenRate };

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

EngagementFiguresBlock::EngagementFiguresBlock(QWidget* parent)
    : QWidget(parent)
    , m_deliveredValue(valueLabel(QStringLiteral("deliveredValue"), this))
    , m_approximateLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("engagementFigures"));
    m_rows = {{"Opens", tr("Opens")},
              {"UniqueOpens", tr("Unique opens")},
              {"OpenRate", tr("Open rate")},
              {"Clicks", tr("Clicks")},
              {"UniqueClicks", tr("Unique clicks")},
              {"ClickRate", tr("Click rate")},
              {"ClickToOpenRate", tr("Click-to-open rate")}};

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(6);
    auto* deliveredLabel = new QLabel(tr("Delivered"), this);
    deliveredLabel->setToolTip(tr("Messages the receiving servers accepted; the rates are fractions of these."));
    QFont bold = m_deliveredValue->font();
    bold.setBold(true);
    m_deliveredValue->setFont(bold);
    grid->addWidget(deliveredLabel, 0, 0);
    grid->addWidget(m_deliveredValue, 0, 1);

    // People first and in bold: they are who the campaign is for. Machines (scanners, image proxies) in grey.
    auto* people = new QLabel(tr("People"), this);
    people->setObjectName(QStringLiteral("peopleHeader"));
    people->setFont(bold);
    people->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    people->setToolTip(tr("Opens and clicks Herald ascribes to a person reading the message."));
    auto* machines = new QLabel(tr("Machines"), this);
    machines->setObjectName(QStringLiteral("machinesHeader"));
    machines->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    machines->setToolTip(tr("Opens and clicks by mail servers' link scanners and image proxies (such as Apple Mail "
                            "Privacy Protection), which fetch every message whether anyone reads it or not."));
    QPalette secondary = machines->palette();
    secondary.setColor(QPalette::WindowText, secondary.color(QPalette::PlaceholderText));
    machines->setPalette(secondary);
    grid->addWidget(people, 1, 1);
    grid->addWidget(machines, 1, 2);

    for (int i = 0; i < m_rows.size(); ++i)
        addRow(grid, i + 2, m_rows[i]);
    for (Row& row : m_rows) {
        QFont primary = row.human->font();
        primary.setBold(true);
        primary.setPointSizeF(primary.pointSizeF() * 1.2);
        row.human->setFont(primary);
        row.machine->setPalette(secondary);
    }
    grid->setColumnStretch(3, 1);

    m_approximateLabel->setObjectName(QStringLiteral("approximateLabel"));
    m_approximateLabel->setText(tr("≈ Approximate: anonymous tracking counts events, not people."));
    m_approximateLabel->setWordWrap(true);
    m_approximateLabel->setToolTip(EngagementText::approximateExplanation());
    m_approximateLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }"));
    m_approximateLabel->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid);
    layout->addWidget(m_approximateLabel);
    layout->addStretch(1);
}

void EngagementFiguresBlock::addRow(QGridLayout* grid, int gridRow, Row& row)
{
    auto* label = new QLabel(row.label, this);
    row.human = valueLabel(QStringLiteral("human") + QLatin1String(row.name), this);
    row.machine = valueLabel(QStringLiteral("machine") + QLatin1String(row.name), this);
    row.human->setAccessibleName(tr("People: %1").arg(row.label));
    row.machine->setAccessibleName(tr("Machines: %1").arg(row.label));
    label->setBuddy(row.human);
    grid->addWidget(label, gridRow, 0);
    grid->addWidget(row.human, gridRow, 1);
    grid->addWidget(row.machine, gridRow, 2);
}

void EngagementFiguresBlock::showReport(const CampaignEngagement& report)
{
    m_deliveredValue->setText(EngagementText::count(report.delivered));
    const bool known = report.uniquesKnown;
    const bool approximate = report.approximate();
    const auto texts = [&](const VerdictFigures& figures) {
        return QStringList{EngagementText::count(figures.opens),
                           EngagementText::unique(figures.uniqueOpens, known),
                           EngagementText::rate(figures.openRate, approximate),
                           EngagementText::count(figures.clicks),
                           EngagementText::unique(figures.uniqueClicks, known),
                           EngagementText::rate(figures.clickRate, approximate),
                           EngagementText::rate(figures.clickToOpenRate, approximate)};
    };
    const QStringList human = texts(report.human);
    const QStringList machine = texts(report.machine);
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rows[i].human->setText(human.at(i));
        m_rows[i].machine->setText(machine.at(i));
        const bool isUnique = i == UniqueOpens || i == UniqueClicks;
        const bool isRate = i == OpenRate || i == ClickRate || i == ClickToOpenRate;
        QString tip;
        if (isUnique && !known)
            tip = EngagementText::unknownUniqueExplanation();
        else if (isRate && approximate)
            tip = EngagementText::approximateExplanation();
        else if (i == UniqueOpens && report.human.impliedOpens > 0)
            tip = tr("%n of them known from a click only (the image was not loaded).", nullptr,
                     int(report.human.impliedOpens));
        m_rows[i].human->setToolTip(tip);
        m_rows[i].machine->setToolTip(i == UniqueOpens ? QString() : tip);
    }
    m_approximateLabel->setVisible(approximate);
}

} // namespace herald
