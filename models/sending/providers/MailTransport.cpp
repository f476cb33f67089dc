#include "MailTransport.h"

namespace herald {

DeliveryOutcome MailTransport::send(const OutgoingMessage& message)
{
    if (!m_ownLoop)
        m_ownLoop = std::make_unique<TransferLoop>(1);
    start(message, *m_ownLoop, this);
    QList<TransferLoop::Ended> ended;
    while (ended.isEmpty())
        ended = m_ownLoop->run(1000);
    return finish(ended.first());
}

} // namespace herald
