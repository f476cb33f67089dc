#include "ConnectionTestRow.h"

#include "common/FormFeedback.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace herald {

ConnectionTestRow::ConnectionTestRow(QWidget* parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("&Test connection"), this))
    , m_busy(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_watcher(new QFutureWatcher<Outcome>(this))
{
    m_button->setObjectName(QStringLiteral("testButton"));
    m_button->setAutoDefault(false); // Enter saves the dialog, it does not start a test
    connect(m_button, &QPushButton::clicked, this, &ConnectionTestRow::testRequested);
    m_busy->setObjectName(QStringLiteral("testBusyIndicator"));
    m_busy->setRange(0, 0); // indeterminate: the server answers or the timeout ends it
    m_busy->setMaximumWidth(140);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_result->setObjectName(QStringLiteral("testResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher->result();
        showResult(outcome.ok, outcome.text);
    });

    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_button);
    buttonRow->addWidget(m_busy);
    buttonRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttonRow);
    layout->addWidget(m_result);
}

void ConnectionTestRow::start(const QString& runningText, Probe probe)
{
    if (m_testing)
        return;
    m_testing = true;
    m_button->setEnabled(false);
    m_busy->show();
    m_result->setStyleSheet(QString());
    m_result->setText(runningText);
    m_watcher->setFuture(QtConcurrent::run([probe = std::move(probe)] {
        const Result<QString> answer = probe();
        return answer ? Outcome{true, answer.value()} : Outcome{false, answer.error().message};
    }));
}

void ConnectionTestRow::showResult(bool ok, const QString& text)
{
    m_testing = false;
    m_busy->hide();
    m_button->setEnabled(true);
    m_result->setStyleSheet(ok ? QStringLiteral("QLabel { color: #1b5e20; }") : QStringLiteral("QLabel { color: #b3261e; }"));
    m_result->setText(ok ? tr("Connected: %1").arg(text) : FormFeedback::tidyServerText(text));
    emit finished(ok);
}

} // namespace herald
