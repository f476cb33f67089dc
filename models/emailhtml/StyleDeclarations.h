#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace herald {

// The declarations of an inline style attribute ("font-weight:bold; color: red"), in order, each property
// in lower case and each value trimmed, for deciding what a style means (bold from a word processor's
// span) or whether it is one Herald wrote. Not a CSS engine: no shorthands expanded, no !important.
class StyleDeclarations
{
public:
    explicit StyleDeclarations(const QString& style);

    bool has(const QString& property) const;
    QString value(const QString& property) const; // the last declaration's value, lower case; empty if none
    const QList<QPair<QString, QString>>& all() const { return m_declarations; }

    // A style attribute's text from declarations, "a:b;c:d".
    static QString join(const QList<QPair<QString, QString>>& declarations);

private:
    QList<QPair<QString, QString>> m_declarations;
};

} // namespace herald
