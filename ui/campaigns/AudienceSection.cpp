#include "AudienceSection.h"

#include "common/PluralCount.h"
#include "domain/Campaign.h"
#include "storage/SegmentRepository.h"

#include <QComboBox>
#include <QLabel>
#include <QtConcurrent>

namespace herald {

AudienceSection::AudienceSection(Database& database, QWidget* dialog)
    : QObject(dialog)
    , m_database(database)
{
    m_combo = new QComboBox(dialog);
    m_combo->setObjectName(QStringLiteral("audienceCombo"));
    connect(m_combo, qOverload<int>(&QComboBox::currentIndexChanged), this, &AudienceSection::changed);
    m_countLabel = new QLabel(dialog);
    m_countLabel->setObjectName(QStringLiteral("audienceCountLabel"));
    m_countLabel->setTextFormat(Qt::PlainText);
    connect(&m_countWatcher, &QFutureWatcher<Result<AudienceSize>>::finished, this, &AudienceSection::showCount);
}

AudienceSection::~AudienceSection()
{
    // The count uses the database, which outlives the dialog; wait so none is left running unseen.
    m_countWatcher.waitForFinished();
}

Status AudienceSection::loadChoices()
{
    // Segments are a handful of rows.
    m_combo->addItem(tr("All active nonprofits"), qint64(0));
    const auto segments = SegmentRepository(m_database).list();
    if (!segments)
        return segments.error();
    for (const Segment& segment : segments.value())
        m_combo->addItem(tr("Segment: %1").arg(segment.name), segment.id);
    return {};
}

void AudienceSection::select(qint64 segmentId)
{
    const int index = m_combo->findData(segmentId);
    m_combo->setCurrentIndex(index >= 0 ? index : 0);
}

qint64 AudienceSection::segmentId() const { return m_combo->currentData().toLongLong(); }

QString AudienceSection::text() const { return m_combo->currentText(); }

void AudienceSection::count()
{
    if (m_counting) {
        m_countPending = true; // count again once this one is in
        return;
    }
    m_countPending = false;
    m_counting = true;
    m_lastCount.reset();
    emit lastCountChanged();
    m_countLabel->setText(tr("Counting…"));
    Database& database = m_database;
    const QString json = Campaign::audienceFor(segmentId());
    m_countWatcher.setFuture(QtConcurrent::run([&database, json] {
        Result<AudienceSize> size = AudienceCounter(database).countCampaignAudience(json);
        database.releaseThreadConnection();
        return size;
    }));
}

void AudienceSection::showCount()
{
    m_counting = false;
    if (m_countPending) {
        count();
        return;
    }
    const Result<AudienceSize> size = m_countWatcher.result();
    if (!size) {
        m_countLabel->setText(size.error().message);
        return;
    }
    m_lastCount = size.value();
    emit lastCountChanged();
    m_countLabel->setText(tr("%Ln recipient(s)", nullptr, pluralCount(size->recipients)) + QStringLiteral(" · ")
                          + tr("%Ln suppressed (on the suppression list, not sent)", nullptr,
                               pluralCount(size->suppressed)));
}

} // namespace herald
