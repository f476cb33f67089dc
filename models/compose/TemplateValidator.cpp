#include "TemplateValidator.h"

#include "CompiledTemplate.h"
#include "MustacheTags.h"
#include "RenderContext.h"
#include "domain/Template.h"
#include "emailhtml/EmailClientChecks.h"

#include <QCoreApplication>

namespace herald {

namespace {
void positionOf(const QString& text, qsizetype index, int* line, int* column)
{
    const QString before = text.left(index);
    *line = int(before.count(QLatin1Char('\n'))) + 1;
    *column = int(index - (before.lastIndexOf(QLatin1Char('\n')) + 1)) + 1;
}

TemplateIssue issueAt(const QString& part, const QString& text, qsizetype index, const QString& message,
                      TemplateIssue::Severity severity = TemplateIssue::Severity::Error)
{
    TemplateIssue issue;
    issue.severity = severity;
    issue.part = part;
    issue.message = message;
    positionOf(text, index, &issue.line, &issue.column);
    return issue;
}

TemplateIssue wholePart(const QString& part, const QString& message)
{
    TemplateIssue issue;
    issue.part = part;
    issue.message = message;
    return issue;
}
} // namespace

QStringList TemplateValidator::placeholdersIn(const QString& text)
{
    QStringList names;
    for (const MustacheTag& tag : MustacheTags(text).all()) {
        if (tag.kind == QLatin1Char('!') || tag.kind == QLatin1Char('=') || tag.kind == QLatin1Char('>') || tag.name == QLatin1String("."))
            continue;
        if (!names.contains(tag.name))
            names << tag.name;
    }
    return names;
}

TemplateIssues TemplateValidator::validatePart(const QString& part, const QString& text)
{
    TemplateIssues issues;
    CompiledTemplate compiled;
    TemplateIssue syntax;
    if (!CompiledTemplate::compile(text, CompiledTemplate::Escaping::Html, &compiled, &syntax)) {
        syntax.part = part;
        issues << syntax;
    }
    const QStringList& known = RenderContext::knownPlaceholders();
    for (const MustacheTag& tag : MustacheTags(text).all()) {
        if (tag.kind == QLatin1Char('!'))
            continue;
        if (tag.kind == QLatin1Char('>')) {
            issues << issueAt(part, text, tag.position, tr("Partials ({{>%1}}) are not supported.").arg(tag.name));
            continue;
        }
        if (tag.kind == QLatin1Char('=')) {
            issues << issueAt(part, text, tag.position, tr("Changing the delimiters is not supported."));
            continue;
        }
        if (tag.name == QLatin1String("."))
            continue; // the current item inside {{#tags}}
        if (!known.contains(tag.name)) {
            issues << issueAt(part, text, tag.position,
                              tr("Unknown placeholder {{%1}}. Known: %2.").arg(tag.name, known.join(QStringLiteral(", "))));
            continue;
        }
        if (part == QLatin1String("html") && (tag.kind == QLatin1Char('{') || tag.kind == QLatin1Char('&'))
            && tag.name != QLatin1String("unsubscribe_url"))
            issues << issueAt(part, text, tag.position,
                              tr("{{%1}} is inserted without HTML escaping; a value with < or & would break the "
                                 "message. Use {{%1}}.")
                                  .arg(tag.name),
                              TemplateIssue::Severity::Warning);
    }
    return issues;
}

TemplateIssues TemplateValidator::validate(const Template& tmpl)
{
    TemplateIssues issues;
    if (tmpl.subject.trimmed().isEmpty())
        issues << wholePart(QStringLiteral("subject"), tr("The subject is empty."));
    if (tmpl.subject.contains(QLatin1Char('\n')) || tmpl.subject.contains(QLatin1Char('\r')))
        issues << wholePart(QStringLiteral("subject"), tr("The subject must be one line."));
    issues << validatePart(QStringLiteral("subject"), tmpl.subject);

    if (tmpl.htmlBody.trimmed().isEmpty() && tmpl.textBody.trimmed().isEmpty())
        issues << wholePart(QStringLiteral("text"), tr("Both bodies are empty: write an HTML or a plain-text body."));
    const std::pair<QString, const QString*> bodies[] = {{QStringLiteral("html"), &tmpl.htmlBody},
                                                         {QStringLiteral("text"), &tmpl.textBody}};
    for (const auto& [part, body] : bodies) {
        if (body->trimmed().isEmpty())
            continue;
        issues << validatePart(part, *body);
        if (part == QLatin1String("html")) {
            for (const EmailClientWarning& warning : EmailClientChecks::check(*body)) {
                TemplateIssue issue = warning.position < 0 ? wholePart(part, warning.message)
                                                           : issueAt(part, *body, warning.position, warning.message);
                issue.severity = TemplateIssue::Severity::Warning;
                issues << issue;
            }
        }
        // A missing link or address is placed at the end of the body, where the editor puts the cursor to add it.
        const QStringList used = placeholdersIn(*body);
        if (!used.contains(QStringLiteral("unsubscribe_url")))
            issues << issueAt(part, *body, body->size(), tr("The %1 body has no {{unsubscribe_url}} link; bulk mail must offer one "
                                         "(CAN-SPAM, RFC 8058).")
                                          .arg(part == QLatin1String("html") ? tr("HTML") : tr("plain-text")));
        if (!used.contains(QStringLiteral("postal_address")))
            issues << issueAt(part, *body, body->size(), tr("The %1 body has no {{postal_address}}; CAN-SPAM requires the sender's "
                                         "postal address in every message.")
                                          .arg(part == QLatin1String("html") ? tr("HTML") : tr("plain-text")));
    }
    return issues;
}

bool TemplateValidator::hasErrors(const TemplateIssues& issues)
{
    return errorCount(issues) > 0;
}

int TemplateValidator::errorCount(const TemplateIssues& issues)
{
    int errors = 0;
    for (const TemplateIssue& issue : issues)
        errors += issue.severity == TemplateIssue::Severity::Error ? 1 : 0;
    return errors;
}

} // namespace herald
