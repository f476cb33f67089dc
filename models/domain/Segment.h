#pragma once

#include "Audience.h"

#include <QDateTime>
#include <QString>

namespace herald {

// What a segment selects is an audience: one definition, one SQL condition (NonprofitCondition) for the live
// count, the table and the send queue.
using SegmentDefinition = Audience;

// A saved filter that campaigns use as their audience.
struct Segment
{
    qint64 id = 0;
    QString uuid;
    QString name;
    SegmentDefinition definition;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;
};

} // namespace herald
