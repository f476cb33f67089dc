#pragma once

#include "RenderContext.h"
#include "TemplateIssue.h"

#include <QString>

#include <memory>

namespace herald {

// A mustache template (Debian's kainjow/mustache) parsed once and rendered for many recipients.
// Html escaping turns values into HTML text ({{{x}}} stays raw); Plain leaves every value raw.
// Not thread-safe: each sending thread keeps its own copy.
class CompiledTemplate
{
public:
    enum class Escaping { Html, Plain };

    CompiledTemplate();
    ~CompiledTemplate();
    CompiledTemplate(CompiledTemplate&&) noexcept;
    CompiledTemplate& operator=(CompiledTemplate&&) noexcept;
    CompiledTemplate(const CompiledTemplate& other);

    // Parses; a syntax error comes back with its line and column within the text.
    static bool compile(const QString& text, Escaping escaping, CompiledTemplate* out, TemplateIssue* error);
    QString render(const RenderContext& context) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace herald
