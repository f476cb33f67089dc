#pragma once

#include "TemplateIssue.h"
#include "domain/Error.h"
#include "domain/Template.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace herald {

// Saves a template the way every front end does (the Templates page, `herald template import`): refused while
// TemplateValidator finds an error in it (warnings are advice and do not stop it), else inserted (id 0) or
// stored as a new version.
class TemplateSaver
{
    Q_DECLARE_TR_FUNCTIONS(herald::TemplateSaver)
public:
    // The field of the error that refuses a template with errors; its issues are in issues().
    static inline const QString IssuesField = QStringLiteral("issues");

    explicit TemplateSaver(Database& database) : m_database(database) {}

    Status save(Template& messageTemplate);
    // What the last save() found, errors and warnings.
    const TemplateIssues& issues() const { return m_issues; }

private:
    Database& m_database;
    TemplateIssues m_issues;
};

} // namespace herald
