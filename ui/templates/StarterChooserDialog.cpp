#include "StarterChooserDialog.h"

#include "PreviewBrowser.h"
#include "templates/StarterDesigns.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

namespace {
constexpr int IdRole = Qt::UserRole;

void addChoice(QListWidget* list, const QString& id, const QString& title, const QString& description)
{
    auto* item = new QListWidgetItem(title + QLatin1Char('\n') + description, list);
    item->setData(IdRole, id);
    item->setToolTip(description);
}
} // namespace

StarterChooserDialog::StarterChooserDialog(const Branding& branding, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_subjectLabel(new QLabel(this))
    , m_preview(new PreviewBrowser(this))
{
    setObjectName(QStringLiteral("starterChooserDialog"));
    setWindowTitle(tr("New Template"));
    resize(980, 620);

    m_list->setObjectName(QStringLiteral("starterList"));
    m_list->setWordWrap(true);
    m_list->setSpacing(4);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setUniformItemSizes(false);
    addChoice(m_list, QString(), tr("Blank"), tr("An empty template: you write everything."));
    for (const StarterDesign& design : StarterDesigns::all()) {
        auto built = StarterDesigns::build(design.id, branding);
        if (!built)
            continue; // the catalogue builds every one of its ids
        m_starters.insert(design.id, built.value());
        addChoice(m_list, design.id, design.title, design.description);
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &StarterChooserDialog::showPreview);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);

    m_subjectLabel->setObjectName(QStringLiteral("starterSubject"));
    m_subjectLabel->setTextFormat(Qt::PlainText);
    m_subjectLabel->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("starterPreview"));

    auto* intro = new QLabel(tr("Start from a blank template or a starter design. Starters use your organisation's "
                                "colour, logo and name (Settings → Branding) and have the unsubscribe link and "
                                "postal address in place."),
                             this);
    intro->setWordWrap(true);

    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_subjectLabel);
    previewLayout->addWidget(m_preview, 1);

    auto* columns = new QHBoxLayout;
    columns->addWidget(m_list, 2);
    columns->addWidget(previewBox, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createFromStarterButton"));
    create->setDefault(true); // Enter in the list picks
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    m_list->setCurrentRow(0);
    m_list->setFocus();
}

QString StarterChooserDialog::currentId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

Template StarterChooserDialog::chosen() const
{
    return m_starters.value(currentId());
}

void StarterChooserDialog::showPreview()
{
    const Template starter = chosen();
    if (starter.htmlBody.isEmpty()) {
        m_subjectLabel->setText(tr("An empty template."));
        m_preview->showHtml(QString());
        return;
    }
    m_subjectLabel->setText(tr("Subject: %1").arg(starter.subject));
    m_preview->showHtml(starter.htmlBody);
}

} // namespace herald
