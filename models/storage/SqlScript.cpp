#include "SqlScript.h"

#include <QRegularExpression>

namespace herald {

namespace {

bool isTriggerDefinition(const QString& statementSoFar)
{
    static const QRegularExpression trigger(QStringLiteral("^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    return trigger.match(statementSoFar).hasMatch();
}

bool endsWithEndKeyword(const QString& statementSoFar)
{
    static const QRegularExpression end(QStringLiteral("\\bEND\\s*$"), QRegularExpression::CaseInsensitiveOption);
    return end.match(statementSoFar).hasMatch();
}

// The dollar-quote tag ("$$" or "$body$") starting at position i, or empty.
QString dollarTagAt(const QString& text, qsizetype i)
{
    static const QRegularExpression tag(QStringLiteral("\\$[A-Za-z_]*\\$"));
    const auto match = tag.match(text, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    return match.hasMatch() ? match.captured() : QString();
}

} // namespace

QStringList SqlScript::split(const QString& script)
{
    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    auto flush = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements << statement;
        current.clear();
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char('\n');
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype close = script.indexOf(QStringLiteral("*/"), i + 2);
            i = close < 0 ? n : close + 1;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Quoted text runs to the matching quote; a doubled quote is an escaped one.
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current += script.mid(i, j - i + 1);
            i = j;
            continue;
        }
        if (c == QLatin1Char('$')) {
            const QString tag = dollarTagAt(script, i);
            if (!tag.isEmpty()) {
                const qsizetype close = script.indexOf(tag, i + tag.size());
                const qsizetype end = close < 0 ? n : close + tag.size();
                current += script.mid(i, end - i);
                i = end - 1;
                continue;
            }
        }
        if (c == QLatin1Char(';')) {
            // Inside a trigger body the statement ends only at "END;".
            if (isTriggerDefinition(current) && !endsWithEndKeyword(current)) {
                current += c;
                continue;
            }
            flush();
            continue;
        }
        current += c;
    }
    flush();
    return statements;
}

} // namespace herald
