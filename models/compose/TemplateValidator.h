#pragma once

#include "TemplateIssue.h"

#include <QCoreApplication>
#include <QString>

namespace herald {

struct Template;

// Checks a template before it is saved or sent: mustache syntax (with line and column), placeholder
// names Herald knows, and what the law asks of bulk mail (CAN-SPAM: an unsubscribe link and the
// sender's postal address in every body), and, as warnings, what email clients break in the HTML body
// (EmailClientChecks: alt text, image widths, relative URLs, Gmail's 102 KB clipping).
class TemplateValidator
{
    Q_DECLARE_TR_FUNCTIONS(herald::TemplateValidator)
public:
    static TemplateIssues validate(const Template& tmpl);
    static TemplateIssues validatePart(const QString& part, const QString& text);
    static bool hasErrors(const TemplateIssues& issues);
    static int errorCount(const TemplateIssues& issues);

    // Placeholder names used in text, in order of first use (no duplicates).
    static QStringList placeholdersIn(const QString& text);
};

} // namespace herald
