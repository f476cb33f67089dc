#include "SearchField.h"

#include <QTimer>

namespace herald {

namespace {
// Long enough that typing a word runs one query, short enough to feel immediate.
constexpr int SearchDelayMs = 250;
} // namespace

SearchField::SearchField(const QString& placeholder, int minimumWidth, QWidget* parent)
    : QLineEdit(parent)
    , m_pause(new QTimer(this))
{
    setObjectName(QStringLiteral("searchEdit"));
    setPlaceholderText(placeholder);
    setClearButtonEnabled(true);
    setMinimumWidth(minimumWidth);
    m_pause->setObjectName(QStringLiteral("searchTimer"));
    m_pause->setSingleShot(true);
    m_pause->setInterval(SearchDelayMs);
    connect(this, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_pause, &QTimer::timeout, this, [this] { emit searchChanged(text().trimmed()); });
}

} // namespace herald
