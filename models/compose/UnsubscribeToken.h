#pragma once

#include "SignedToken.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QString>

namespace herald {

// The signed token in every recipient's unsubscribe link: it names the campaign and the address and
// carries an HMAC-SHA256 made with the installation's secret, so the unsubscribe receiver can trust
// it without looking anything up, and nobody can unsubscribe an address they merely guess.
class UnsubscribeToken
{
    Q_DECLARE_TR_FUNCTIONS(herald::UnsubscribeToken)
public:
    struct Claims
    {
        qint64 campaignId = 0;
        QString email;
    };

    explicit UnsubscribeToken(QByteArray secret);

    QString issue(qint64 campaignId, const QString& email) const;
    Result<Claims> verify(const QString& token) const;
    // baseUrl with the token appended as the "t" query parameter.
    QString url(const QString& baseUrl, qint64 campaignId, const QString& email) const;

    static QByteArray generateSecret();

private:
    SignedToken m_token;
};

} // namespace herald
