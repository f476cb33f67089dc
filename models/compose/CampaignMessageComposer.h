#pragma once

#include "CompiledTemplate.h"
#include "UnsubscribeToken.h"
#include "domain/Campaign.h"
#include "domain/Error.h"
#include "domain/Nonprofit.h"
#include "sending/OutgoingMessage.h"

#include <QCoreApplication>
#include <QDate>

namespace herald {

// Turns (campaign snapshot, recipient, send row) into the message to hand over: renders the
// subject and bodies for the recipient, signs the unsubscribe link, and builds the MIME bytes.
// Compiles the campaign's templates once; one composer per thread (templates are not thread-safe).
class CampaignMessageComposer
{
    Q_DECLARE_TR_FUNCTIONS(herald::CampaignMessageComposer)
public:
    CampaignMessageComposer(const Campaign& campaign, const UnsubscribeToken& signer);

    // False, with the problem, when the campaign's templates do not compile.
    bool isValid() const { return m_error.isEmpty(); }
    QString problem() const { return m_error; }
    const Campaign& campaign() const { return m_campaign; }

    // `date` is the {{date}} placeholder's day; without one, today.
    Result<OutgoingMessage> compose(qint64 sendId, const Nonprofit& recipient, const QDate& date = QDate()) const;

private:
    QDate today() const;

    Campaign m_campaign;
    const UnsubscribeToken& m_signer;
    CompiledTemplate m_subject;
    CompiledTemplate m_html;
    CompiledTemplate m_text;
    QString m_error;
    // QDate::currentDate() reads the time zone file each time: once a second is enough.
    mutable QDate m_today;
    mutable qint64 m_todayCheckedMs = 0;
};

} // namespace herald
