#include "MustacheTags.h"

#include <QRegularExpression>

#include <algorithm>

namespace herald {

MustacheTags::MustacheTags(const QString& text)
{
    static const QRegularExpression tag(QStringLiteral("\\{\\{(\\{)?\\s*([#^/&!>=]?)\\s*([^}]*?)\\s*\\}?\\}\\}"));
    auto matches = tag.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        MustacheTag found;
        found.kind = match.captured(1).isEmpty() ? (match.captured(2).isEmpty() ? QChar() : match.captured(2).at(0))
                                                 : QLatin1Char('{');
        found.name = match.captured(3);
        found.position = match.capturedStart();
        found.length = match.capturedLength();
        m_tags << found;
    }
}

namespace {
// The last tag starting at or before position (tags are in order and never overlap).
const MustacheTag* lastAtOrBefore(const QList<MustacheTag>& tags, qsizetype position)
{
    const auto after = std::upper_bound(tags.cbegin(), tags.cend(), position,
                                        [](qsizetype at, const MustacheTag& tag) { return at < tag.position; });
    return after == tags.cbegin() ? nullptr : &*(after - 1);
}
} // namespace

const MustacheTag* MustacheTags::startingAt(qsizetype position) const
{
    const MustacheTag* tag = lastAtOrBefore(m_tags, position);
    return tag && tag->position == position ? tag : nullptr;
}

bool MustacheTags::encloses(qsizetype position) const
{
    const MustacheTag* tag = lastAtOrBefore(m_tags, position);
    return tag && tag->position < position && position < tag->end();
}

} // namespace herald
