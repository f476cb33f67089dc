#include "CompiledTemplate.h"

#include <kainjow/mustache.hpp>

#include <QCoreApplication>
#include <QRegularExpression>

namespace herald {

using Mustache = kainjow::mustache::mustache;
using MustacheData = kainjow::mustache::data;

struct CompiledTemplate::Impl
{
    explicit Impl(const std::string& text) : mustache(text) {}
    mutable Mustache mustache; // render() is not const in the library
    std::string source;
    Escaping escaping = Escaping::Html;
};

CompiledTemplate::CompiledTemplate() = default;
CompiledTemplate::~CompiledTemplate() = default;
CompiledTemplate::CompiledTemplate(CompiledTemplate&&) noexcept = default;
CompiledTemplate& CompiledTemplate::operator=(CompiledTemplate&&) noexcept = default;

namespace {
// HTML escaping with numeric references: &apos; (the library's choice) is not HTML 4, and some mail
// clients still show it literally.
std::string escapeHtml(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string keepRaw(const std::string& text) { return text; }

// "Unclosed section "x" at 42": the library reports a byte offset into the UTF-8 text.
void locate(const QByteArray& utf8, int byteOffset, int* line, int* column)
{
    const QString before = QString::fromUtf8(utf8.left(byteOffset));
    *line = int(before.count(QLatin1Char('\n'))) + 1;
    *column = int(before.size() - (before.lastIndexOf(QLatin1Char('\n')) + 1)) + 1;
}
} // namespace

CompiledTemplate::CompiledTemplate(const CompiledTemplate& other)
{
    if (other.m_impl) {
        m_impl = std::make_unique<Impl>(other.m_impl->source);
        m_impl->source = other.m_impl->source;
        m_impl->escaping = other.m_impl->escaping;
        m_impl->mustache.set_custom_escape(m_impl->escaping == Escaping::Plain ? keepRaw : escapeHtml);
    }
}

bool CompiledTemplate::compile(const QString& text, Escaping escaping, CompiledTemplate* out, TemplateIssue* error)
{
    const QByteArray utf8 = text.toUtf8();
    auto impl = std::make_unique<Impl>(utf8.toStdString());
    impl->source = utf8.toStdString();
    impl->escaping = escaping;
    if (!impl->mustache.is_valid()) {
        const QString message = QString::fromStdString(impl->mustache.error_message());
        static const QRegularExpression at(QStringLiteral("^(.*) at (\\d+)$"));
        const auto match = at.match(message);
        error->severity = TemplateIssue::Severity::Error;
        if (match.hasMatch()) {
            locate(utf8, match.captured(2).toInt(), &error->line, &error->column);
            error->message = match.captured(1);
        } else {
            error->message = message;
        }
        return false;
    }
    impl->mustache.set_custom_escape(escaping == Escaping::Plain ? keepRaw : escapeHtml);
    out->m_impl = std::move(impl);
    return true;
}

struct CompiledTemplate::Values::Data
{
    MustacheData data;
};

CompiledTemplate::Values::Values(const RenderContext& context) : m_data(std::make_unique<Data>())
{
    MustacheData& data = m_data->data;
    // An empty value is false, so that {{#ein}}…{{/ein}} leaves out what a nonprofit lacks.
    for (auto it = context.values().cbegin(); it != context.values().cend(); ++it) {
        if (it.value().isEmpty())
            data.set(it.key().toStdString(), MustacheData(false));
        else
            data.set(it.key().toStdString(), it.value().toStdString());
    }
    for (auto it = context.lists().cbegin(); it != context.lists().cend(); ++it) {
        if (it.value().isEmpty()) {
            data.set(it.key().toStdString(), MustacheData(false));
            continue;
        }
        MustacheData list{MustacheData::type::list};
        for (const QString& item : it.value())
            list << MustacheData(item.toStdString());
        data.set(it.key().toStdString(), list);
    }
}

CompiledTemplate::Values::~Values() = default;

QString CompiledTemplate::render(const RenderContext& context) const
{
    if (!m_impl)
        return {};
    return render(Values(context));
}

QString CompiledTemplate::render(const Values& values) const
{
    if (!m_impl)
        return {};
    return QString::fromStdString(m_impl->mustache.render(values.m_data->data));
}

} // namespace herald
