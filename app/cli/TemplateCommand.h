#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace herald::cli {

// `herald template list|export|import|starters`: message templates without the window. An import (of a file, or of
// a starter design as starter:ID) is checked by the same TemplateSaver as the Templates page's Save, so a template
// with errors is refused with the validator's words.
class TemplateCommand
{
    Q_DECLARE_TR_FUNCTIONS(herald::cli::TemplateCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace herald::cli
