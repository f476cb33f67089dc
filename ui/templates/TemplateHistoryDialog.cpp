#include "TemplateHistoryDialog.h"

#include "common/RoleGate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald {

TemplateHistoryDialog::TemplateHistoryDialog(const QList<Template>& versions, QWidget* parent)
    : QDialog(parent)
    , m_versions(versions)
    , m_list(new QTreeWidget(this))
    , m_subjectLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_htmlView(new QPlainTextEdit(this))
    , m_textView(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("templateHistoryDialog"));
    setWindowTitle(versions.isEmpty() ? tr("History") : tr("History of '%1'").arg(versions.first().name));
    resize(820, 560);

    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Version"), tr("Saved"), tr("Name"), tr("Subject")});
    for (const Template& version : versions) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, version.version == versions.first().version ? tr("%1 (current)").arg(version.version)
                                                                     : QString::number(version.version));
        item->setText(1, QLocale().toString(version.updatedAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(2, version.name);
        item->setText(3, version.subject);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_subjectLabel->setObjectName(QStringLiteral("historySubject"));
    m_subjectLabel->setTextFormat(Qt::PlainText);
    m_subjectLabel->setWordWrap(true);
    m_htmlView->setObjectName(QStringLiteral("historyHtml"));
    m_htmlView->setReadOnly(true);
    m_textView->setObjectName(QStringLiteral("historyText"));
    m_textView->setReadOnly(true);
    m_tabs->addTab(m_htmlView, tr("HTML body"));
    m_tabs->addTab(m_textView, tr("Text body"));

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_subjectLabel);
    contentLayout->addWidget(m_tabs, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(content);
    splitter->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restoreButton = buttons->addButton(tr("&Restore this version"), QDialogButtonBox::AcceptRole);
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_restoreButton->setToolTip(tr("Puts this version back in the editor and saves it as a new version."));
    RoleGate::require(SessionRole::Right::EditContent, { m_restoreButton });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restoreButton, &QPushButton::clicked, this, [this] {
        const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
        if (row <= 0)
            return; // the current version is already the template
        m_restored = m_versions.at(row);
        accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &TemplateHistoryDialog::showVersion);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showVersion();
    m_list->setFocus();
}

void TemplateHistoryDialog::showVersion()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    const bool valid = row >= 0 && row < m_versions.size();
    const Template shown = valid ? m_versions.at(row) : Template();
    m_subjectLabel->setText(valid ? tr("Subject: %1").arg(shown.subject) : QString());
    m_htmlView->setPlainText(shown.htmlBody);
    m_textView->setPlainText(shown.textBody);
    m_restoreButton->setEnabled(row > 0);
}

} // namespace herald
