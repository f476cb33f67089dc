#include "BrandingSettingsPanel.h"

#include "common/FormFeedback.h"
#include "common/RoleGate.h"
#include "storage/BrandingRepository.h"

#include <QColorDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace herald {

BrandingSettingsPanel::BrandingSettingsPanel(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_colourEdit(new QLineEdit(this))
    , m_colourButton(new QPushButton(tr("C&hoose…"), this))
    , m_logoEdit(new QLineEdit(this))
    , m_nameEdit(new QLineEdit(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("brandingError"), this))
    , m_saveButton(new QPushButton(tr("Save brand&ing"), this))
    , m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("brandingSettingsPanel"));
    setStyleSheet(FormFeedback::styleSheet());
    auto* title = new QLabel(tr("<b>Branding</b>"), this);
    auto* intro = new QLabel(tr("The starter designs that New on the Templates page offers use your organisation's "
                                "colour for headings and buttons, and its logo on top (or its name, when there is no "
                                "logo). Kept in the database: it applies to everyone using it."),
                             this);
    intro->setWordWrap(true);

    m_colourEdit->setObjectName(QStringLiteral("brandingColourEdit"));
    m_colourEdit->setPlaceholderText(Branding::DefaultColour);
    m_colourEdit->setMaximumWidth(120);
    connect(m_colourEdit, &QLineEdit::textChanged, this, &BrandingSettingsPanel::showSwatch);
    connect(m_colourEdit, &QLineEdit::returnPressed, this, &BrandingSettingsPanel::save);
    m_colourButton->setObjectName(QStringLiteral("brandingColourButton"));
    m_colourButton->setToolTip(tr("Pick the colour in a colour dialog"));
    connect(m_colourButton, &QPushButton::clicked, this, &BrandingSettingsPanel::chooseColour);
    m_logoEdit->setObjectName(QStringLiteral("brandingLogoEdit"));
    m_logoEdit->setPlaceholderText(tr("media:logo.png or https://example.org/logo.png"));
    m_logoEdit->setClearButtonEnabled(true);
    connect(m_logoEdit, &QLineEdit::returnPressed, this, &BrandingSettingsPanel::save);
    m_nameEdit->setObjectName(QStringLiteral("brandingNameEdit"));
    m_nameEdit->setClearButtonEnabled(true);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &BrandingSettingsPanel::save);
    auto* logoNote = FormFeedback::createNoteLabel(QStringLiteral("brandingLogoNote"), this);
    logoNote->setText(tr("An image of the media library as media:NAME, or an address starting with https://; shown at "
                         "most %1 px wide. Empty: the organisation's name is shown instead.")
                          .arg(Branding::MaximumLogoWidth));
    m_saveButton->setObjectName(QStringLiteral("saveBrandingButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &BrandingSettingsPanel::save);
    RoleGate::require(SessionRole::Right::Administer, { m_saveButton });
    m_statusLabel->setObjectName(QStringLiteral("brandingStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    auto* colourRow = new QHBoxLayout;
    colourRow->addWidget(m_colourEdit);
    colourRow->addWidget(m_colourButton);
    colourRow->addStretch(1);
    auto* colourLabel = new QLabel(tr("Organisation colo&ur:"), this);
    colourLabel->setBuddy(m_colourEdit); // a row of a layout gets no buddy of its own
    auto* form = new QFormLayout;
    form->addRow(colourLabel, colourRow);
    form->addRow(tr("Lo&go:"), m_logoEdit);
    form->addRow(tr("Organisation na&me:"), m_nameEdit);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_statusLabel, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(form);
    // Under the form, not in it: QFormLayout gives a wrapped label the height of its narrow size hint.
    layout->addWidget(m_errorLabel);
    layout->addWidget(logoNote);
    layout->addLayout(buttons);
    layout->addStretch(1);
    reload();
}

void BrandingSettingsPanel::reload()
{
    const auto stored = BrandingRepository(m_database).load();
    if (!stored) {
        FormFeedback::showError(m_errorLabel, stored.error().message);
        return;
    }
    m_colourEdit->setText(stored->colour);
    m_logoEdit->setText(stored->logoSrc);
    m_nameEdit->setText(stored->organisationName);
}

void BrandingSettingsPanel::showSwatch()
{
    const QColor colour(m_colourEdit->text().trimmed());
    QPixmap swatch(16, 16);
    swatch.fill(Qt::transparent);
    if (colour.isValid()) {
        QPainter painter(&swatch);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setBrush(colour);
        painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    }
    m_colourButton->setIcon(QIcon(swatch));
}

void BrandingSettingsPanel::chooseColour()
{
    auto* dialog = new QColorDialog(QColor(m_colourEdit->text().trimmed()), this);
    dialog->setObjectName(QStringLiteral("brandingColourDialog"));
    dialog->setWindowTitle(tr("Organisation Colour"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, [this](const QColor& colour) {
        m_colourEdit->setText(colour.name());
        m_colourEdit->setFocus();
    });
    dialog->open();
}

bool BrandingSettingsPanel::save()
{
    m_statusLabel->clear();
    const QList<QPair<QString, QLineEdit*>> fields = {
        {QStringLiteral("colour"), m_colourEdit}, {QStringLiteral("logo"), m_logoEdit}, {QStringLiteral("organisation"), m_nameEdit}};
    for (const auto& field : fields)
        FormFeedback::markInvalid(field.second, false);
    Branding branding;
    branding.colour = m_colourEdit->text();
    branding.logoSrc = m_logoEdit->text();
    branding.organisationName = m_nameEdit->text();
    if (const Status saved = BrandingRepository(m_database).save(branding); !saved) {
        FormFeedback::showError(m_errorLabel, saved.error().message);
        for (const auto& [name, edit] : fields) {
            if (name == saved.error().field) {
                FormFeedback::markInvalid(edit, true);
                edit->setFocus();
            }
        }
        return false;
    }
    FormFeedback::clearError(m_errorLabel);
    reload(); // the stored form: trimmed, the colour in lower case
    m_statusLabel->setText(tr("Saved. New templates made from a starter design use this branding."));
    return true;
}

} // namespace herald
