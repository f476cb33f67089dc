#include "TemplateSaver.h"

#include "TemplateValidator.h"
#include "storage/TemplateRepository.h"

namespace herald {

Status TemplateSaver::save(Template& messageTemplate)
{
    m_issues = TemplateValidator::validate(messageTemplate);
    if (const int errors = TemplateValidator::errorCount(m_issues); errors > 0)
        return Error::validation(IssuesField, tr("Template '%1' was not saved: it has %n error(s).", nullptr, errors)
                                                  .arg(messageTemplate.name.trimmed()));
    TemplateRepository repository(m_database);
    return messageTemplate.id == 0 ? repository.insert(messageTemplate) : repository.update(messageTemplate);
}

} // namespace herald
