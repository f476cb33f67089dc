#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace herald {

// Whether a nonprofit may be mailed, as the suppression rules left it.
enum class NonprofitStatus { Active, Unsubscribed, Bounced, Complained };

QString toString(NonprofitStatus status);
bool fromString(const QString& text, NonprofitStatus* status);

// A recipient organisation.
struct Nonprofit
{
    qint64 id = 0;
    QString name;
    QString email;
    QString ein; // empty when unknown; kept as text so leading zeros survive
    QString street;
    QString city;
    QString region;
    QString postalCode;
    QString country = QStringLiteral("US");
    QStringList tags;
    NonprofitStatus status = NonprofitStatus::Active;
    QString consent = QStringLiteral("unknown"); // the lawful basis: unknown, consent, legitimate_interest
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0; // optimistic concurrency: bumped by every update

    // The stored form: text trimmed, EIN digits only, tags unique and sorted.
    void normalize();
    static QString normalizedEin(const QString& ein);
    static QStringList cleanTags(const QStringList& tags);
};

} // namespace herald
