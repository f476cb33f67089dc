#pragma once

#include "domain/Error.h"
#include "domain/Template.h"

#include <QCoreApplication>

namespace herald {

// A template as a JSON file, to move it between databases or keep it under version control:
// {"format": "herald-template", "name", "subject", "html_body", "text_body"}. Only the content travels: ids,
// versions and timestamps belong to the database it is imported into.
class TemplateFile
{
    Q_DECLARE_TR_FUNCTIONS(herald::TemplateFile)
public:
    static Status write(const Template& messageTemplate, const QString& path);
    // The template in the file (id 0), or what is wrong with the file.
    static Result<Template> read(const QString& path);
};

} // namespace herald
