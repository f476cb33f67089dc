#include "StyleDeclarations.h"

#include <QStringList>

namespace herald {

StyleDeclarations::StyleDeclarations(const QString& style)
{
    // A value may hold ';' only inside quotes or parentheses (font names, url()); split outside them.
    QString current;
    QChar quote;
    int depth = 0;
    QStringList pieces;
    for (const QChar c : style) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')') && depth > 0) {
            --depth;
        } else if (c == QLatin1Char(';') && depth == 0) {
            pieces << current;
            current.clear();
            continue;
        }
        current += c;
    }
    pieces << current;
    for (const QString& piece : pieces) {
        const qsizetype colon = piece.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString property = piece.left(colon).trimmed().toLower();
        const QString value = piece.mid(colon + 1).trimmed();
        if (!property.isEmpty() && !value.isEmpty())
            m_declarations.append({property, value});
    }
}

bool StyleDeclarations::has(const QString& property) const
{
    for (const auto& declaration : m_declarations) {
        if (declaration.first == property)
            return true;
    }
    return false;
}

QString StyleDeclarations::value(const QString& property) const
{
    for (auto it = m_declarations.crbegin(); it != m_declarations.crend(); ++it) {
        if (it->first == property)
            return it->second.toLower();
    }
    return {};
}

QString StyleDeclarations::join(const QList<QPair<QString, QString>>& declarations)
{
    QStringList parts;
    for (const auto& declaration : declarations)
        parts << declaration.first + QLatin1Char(':') + declaration.second;
    return parts.join(QLatin1Char(';'));
}

} // namespace herald
