#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace herald {

// One {{tag}} of a mustache text, where it stands and what kind it is.
struct MustacheTag
{
    QChar kind; // '#', '^', '/', '&', '{', '!', '>', '=' or null for a plain variable
    QString name;
    qsizetype position = 0;
    qsizetype length = 0;

    qsizetype end() const { return position + length; }
    bool isVariable() const { return kind.isNull() || kind == QLatin1Char('&') || kind == QLatin1Char('{'); }
};

// The tags of a mustache text, in order. Only names and places are read here; the library does the
// parsing proper (CompiledTemplate).
class MustacheTags
{
public:
    explicit MustacheTags(const QString& text);

    const QList<MustacheTag>& all() const& { return m_tags; }
    QList<MustacheTag> all() && { return std::move(m_tags); } // for (tag : MustacheTags(text).all()) stays valid
    // The tag that starts exactly at position, or null.
    const MustacheTag* startingAt(qsizetype position) const;
    // Whether position lies within a tag, after its first character.
    bool encloses(qsizetype position) const;

private:
    QList<MustacheTag> m_tags;
};

} // namespace herald
