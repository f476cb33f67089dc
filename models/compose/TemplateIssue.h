#pragma once

#include <QList>
#include <QString>

namespace herald {

// One problem found in a template, with where it is, for the editor to show and jump to.
struct TemplateIssue
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString part; // "subject", "html" or "text"
    int line = 0;   // 1-based; 0 when the issue concerns the whole part
    int column = 0; // 1-based
    QString message;

    QString toString() const;
};

using TemplateIssues = QList<TemplateIssue>;

} // namespace herald
