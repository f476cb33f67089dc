#include "SegmentFilterBar.h"

#include "common/MessageBox.h"
#include "common/RoleGate.h"
#include "storage/SegmentRepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace herald {

namespace {
// Typing "gala, food" runs one query, not one per letter.
constexpr int FilterDelayMs = 300;
} // namespace

SegmentFilterBar::SegmentFilterBar(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_segmentCombo(new QComboBox(this))
    , m_tagsEdit(new QLineEdit(this))
    , m_regionEdit(new QLineEdit(this))
    , m_statusCombo(new QComboBox(this))
    , m_saveButton(new QPushButton(tr("Sa&ve as Segment…"), this))
    , m_deleteButton(new QPushButton(tr("Delete Segment"), this))
    , m_changeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("segmentFilterBar"));
    m_segmentCombo->setObjectName(QStringLiteral("segmentCombo"));
    m_segmentCombo->setMinimumWidth(180);
    m_tagsEdit->setObjectName(QStringLiteral("tagFilterEdit"));
    m_tagsEdit->setPlaceholderText(tr("any tag, e.g. gala, food"));
    m_tagsEdit->setClearButtonEnabled(true);
    m_regionEdit->setObjectName(QStringLiteral("regionFilterEdit"));
    m_regionEdit->setPlaceholderText(tr("any"));
    m_regionEdit->setMaximumWidth(80);
    m_statusCombo->setObjectName(QStringLiteral("statusFilterCombo"));
    m_statusCombo->addItem(tr("Any status"), QString());
    for (const NonprofitStatus status : { NonprofitStatus::Active, NonprofitStatus::Unsubscribed,
             NonprofitStatus::Bounced, NonprofitStatus::Complained })
        m_statusCombo->addItem(toString(status), toString(status));
    m_saveButton->setObjectName(QStringLiteral("saveSegmentButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteSegmentButton"));

    auto* segmentLabel = new QLabel(tr("Se&gment:"), this);
    segmentLabel->setBuddy(m_segmentCombo);
    auto* tagsLabel = new QLabel(tr("&Tags:"), this);
    tagsLabel->setBuddy(m_tagsEdit);
    auto* regionLabel = new QLabel(tr("&Region:"), this);
    regionLabel->setBuddy(m_regionEdit);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(segmentLabel);
    layout->addWidget(m_segmentCombo);
    layout->addSpacing(12);
    layout->addWidget(tagsLabel);
    layout->addWidget(m_tagsEdit, 1);
    layout->addWidget(regionLabel);
    layout->addWidget(m_regionEdit);
    layout->addWidget(m_statusCombo);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_deleteButton);

    m_changeTimer->setObjectName(QStringLiteral("filterTimer"));
    m_changeTimer->setSingleShot(true);
    m_changeTimer->setInterval(FilterDelayMs);
    connect(m_changeTimer, &QTimer::timeout, this, [this] { emit filterChanged(filter()); });
    const auto changed = [this] {
        if (!m_applyingSegment)
            m_changeTimer->start();
    };
    connect(m_tagsEdit, &QLineEdit::textChanged, this, changed);
    connect(m_regionEdit, &QLineEdit::textChanged, this, changed);
    connect(m_statusCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_segmentCombo, qOverload<int>(&QComboBox::activated), this, &SegmentFilterBar::chooseSegment);
    connect(m_saveButton, &QPushButton::clicked, this, &SegmentFilterBar::askNameAndSave);
    connect(m_deleteButton, &QPushButton::clicked, this, &SegmentFilterBar::deleteChosenSegment);
    RoleGate::require(SessionRole::Right::EditContent, { m_saveButton, m_deleteButton });
    reloadSegments();
}

Audience SegmentFilterBar::filter() const
{
    Audience audience;
    for (const QString& tag : m_tagsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            audience.anyOfTags << tag.trimmed();
    audience.region = m_regionEdit->text().trimmed();
    NonprofitStatus status;
    if (fromString(m_statusCombo->currentData().toString(), &status))
        audience.status = status;
    return audience;
}

void SegmentFilterBar::reloadSegments()
{
    const qint64 chosen = m_segmentCombo->currentData().toLongLong();
    auto segments = SegmentRepository(m_database).list();
    if (!segments) {
        emit errorOccurred(segments.error().message);
        return;
    }
    m_segments = segments.value();
    m_segmentCombo->clear();
    m_segmentCombo->addItem(tr("All nonprofits"), qint64(0));
    for (const Segment& segment : std::as_const(m_segments))
        m_segmentCombo->addItem(segment.name, segment.id);
    m_segmentCombo->setCurrentIndex(qMax(0, m_segmentCombo->findData(chosen)));
    updateButtons();
}

void SegmentFilterBar::chooseSegment(int index)
{
    m_segmentCombo->setCurrentIndex(index);
    const qint64 id = m_segmentCombo->itemData(index).toLongLong();
    Audience definition;
    for (const Segment& segment : std::as_const(m_segments))
        if (segment.id == id)
            definition = segment.definition;
    m_applyingSegment = true;
    m_tagsEdit->setText(definition.anyOfTags.join(QStringLiteral(", ")));
    m_regionEdit->setText(definition.region);
    m_statusCombo->setCurrentIndex(
        qMax(0, m_statusCombo->findData(definition.status ? toString(*definition.status) : QString())));
    m_applyingSegment = false;
    updateButtons();
    emit searchTextChosen(definition.searchText);
    m_changeTimer->stop();
    emit filterChanged(filter());
}

void SegmentFilterBar::askNameAndSave()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Segment"),
        tr("Campaigns can use this segment as their audience. Name:"), QLineEdit::Normal, QString(), &ok);
    if (ok)
        saveAsSegment(name);
}

bool SegmentFilterBar::saveAsSegment(const QString& name)
{
    Segment segment;
    segment.name = name.trimmed();
    segment.definition = filter();
    segment.definition.searchText = m_searchText.trimmed();
    if (Status saved = SegmentRepository(m_database).insert(segment); !saved) {
        emit errorOccurred(saved.error().message);
        return false;
    }
    reloadSegments();
    m_segmentCombo->setCurrentIndex(m_segmentCombo->findData(segment.id));
    updateButtons();
    return true;
}

void SegmentFilterBar::deleteChosenSegment()
{
    const qint64 id = m_segmentCombo->currentData().toLongLong();
    if (id == 0)
        return;
    const QString name = m_segmentCombo->currentText();
    const auto answer = MessageBox::question(this, tr("Delete Segment"),
        tr("Delete the segment “%1”? The nonprofits in it are not deleted.")
            .arg(name),
        MessageBox::Buttons(QMessageBox::Yes | QMessageBox::No), QMessageBox::No,
        { { QMessageBox::Yes, tr("Delete") }, { QMessageBox::No, tr("Keep") } });
    if (answer != QMessageBox::Yes)
        return;
    if (auto removed = SegmentRepository(m_database).remove(id); !removed) {
        emit errorOccurred(removed.error().message);
        return;
    }
    m_segmentCombo->setCurrentIndex(0);
    reloadSegments();
}

void SegmentFilterBar::updateButtons()
{
    m_deleteButton->setEnabled(m_segmentCombo->currentData().toLongLong() != 0);
}

} // namespace herald
