#include "WelcomePanel.h"

#include "common/RoleGate.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace herald {

WelcomePanel::WelcomePanel(QWidget* parent)
    : QFrame(parent)
    , m_loadButton(new QPushButton(tr("&Load Sample Data"), this))
{
    setObjectName(QStringLiteral("welcomePanel"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("QFrame#welcomePanel { background: palette(alternate-base); border: 1px solid palette(mid);"
                                 " border-radius: 6px; }"));

    auto* heading = new QLabel(tr("Welcome to Herald"), this);
    heading->setObjectName(QStringLiteral("welcomeHeading"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    auto* intro = new QLabel(tr("The database is empty. Choose how to begin:"), this);
    intro->setWordWrap(true);

    auto* importButton = new QPushButton(tr("Import a &CSV File…"), this);
    auto* connectButton = new QPushButton(tr("Connect to Your &Team’s Server…"), this);
    m_loadButton->setObjectName(QStringLiteral("loadSampleButton"));
    importButton->setObjectName(QStringLiteral("welcomeImportButton"));
    connectButton->setObjectName(QStringLiteral("connectServerButton"));
    connect(m_loadButton, &QPushButton::clicked, this, &WelcomePanel::loadSampleRequested);
    connect(importButton, &QPushButton::clicked, this, &WelcomePanel::importRequested);
    connect(connectButton, &QPushButton::clicked, this, &WelcomePanel::connectRequested);
    RoleGate::require(SessionRole::Right::EditContent, { m_loadButton, importButton });

    // One short line under each button says what it does; the sample's line says its address is fake.
    auto note = [this](const QString& text) {
        auto* label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        return label;
    };
    auto* sampleNote = note(tr("About 1,200 real Vermont organisations with example.org addresses, a starter template, "
                               "a segment and a sender whose postal address is plainly fake. Help → Remove Sample "
                               "Data takes it all away again."));
    sampleNote->setObjectName(QStringLiteral("sampleNote"));
    auto* importNote = note(tr("Your own list of organisations: Herald shows the columns it found and lets you match "
                               "them before anything is stored."));
    auto* connectNote = note(tr("Your colleagues already use Herald on a PostgreSQL server: add it as a connection "
                                "profile in Settings and open it."));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setHorizontalSpacing(24);
    layout->setVerticalSpacing(8);
    layout->addWidget(heading, 0, 0, 1, 3);
    layout->addWidget(intro, 1, 0, 1, 3);
    const QList<QPair<QPushButton*, QLabel*>> choices = {
        { m_loadButton, sampleNote }, { importButton, importNote }, { connectButton, connectNote } };
    for (int column = 0; column < choices.size(); ++column) {
        layout->addWidget(choices[column].first, 2, column, Qt::AlignLeft);
        layout->addWidget(choices[column].second, 3, column);
        layout->setColumnStretch(column, 1);
    }
    m_loadButton->setDefault(true);
}

void WelcomePanel::setBusy(bool busy)
{
    m_loadButton->setEnabled(!busy);
}

} // namespace herald
