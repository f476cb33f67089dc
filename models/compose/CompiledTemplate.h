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

    // A context's values converted for the template engine once, to render several templates (subject,
    // HTML, text) of one recipient without converting them for each.
    class Values
    {
    public:
        explicit Values(const RenderContext& context);
        ~Values();
        Values(const Values&) = delete;
        Values& operator=(const Values&) = delete;

    private:
        friend class CompiledTemplate;
        struct Data;
        std::unique_ptr<Data> m_data;
    };

    // Parses; a syntax error comes back with its line and column within the text.
    static bool compile(const QString& text, Escaping escaping, CompiledTemplate* out, TemplateIssue* error);
    QString render(const RenderContext& context) const;
    QString render(const Values& values) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace herald
