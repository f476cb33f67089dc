#pragma once

#include "domain/Error.h"

#include <QCoreApplication>
#include <QString>

namespace herald {

// Decides whether a template's HTML can be opened in the visual editor without losing anything, and gives
// the HTML to load into its QTextDocument (setHtml) when it can. What EmailHtmlWriter wrote always can:
// its layout tables, Outlook comments and inline styles are known, and writing the loaded document again
// gives the same HTML. Anything else the editor cannot hold (a table layout, a <style> block, classes, an
// unknown element, attribute or inline style, a comment) makes an error whose message names it, for the
// UI to open the source tab with. Nothing is dropped silently.
class EditorImport
{
    Q_DECLARE_TR_FUNCTIONS(herald::EditorImport)
public:
    static Result<QString> editorHtml(const QString& templateHtml);
};

} // namespace herald
