#include "StarterLayout.h"

#include <QColor>

namespace herald {

namespace {
const QString FooterColour = QStringLiteral("#666666");

// The label colour a button needs to be read on its background: dark on light colours, white otherwise.
QString labelColour(const QString& background)
{
    const QColor colour(background);
    const double luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
    return luminance > 0.6 ? QStringLiteral("#222222") : QString(); // empty: the writer's white
}
} // namespace

StarterLayout::StarterLayout(const Branding& branding)
    : m_branding(branding)
{
    masthead();
}

RichRun StarterLayout::text(const QString& characters, const RunFormat& format)
{
    RichRun run;
    run.text = characters;
    run.format = format;
    return run;
}

RichRun StarterLayout::lineBreak()
{
    RichRun run;
    run.kind = RichRun::Kind::LineBreak;
    return run;
}

void StarterLayout::add(RichBlock block)
{
    m_content.append(std::move(block));
}

void StarterLayout::masthead()
{
    RichBlock block;
    block.alignment = QStringLiteral("center");
    if (!m_branding.logoSrc.isEmpty()) {
        RichRun logo;
        logo.kind = RichRun::Kind::Image;
        logo.imageSrc = m_branding.logoSrc;
        logo.hasAlt = true;
        logo.imageAlt = m_branding.organisationOrSender();
        logo.imageWidth = Branding::MaximumLogoWidth;
        block.runs << logo;
    } else {
        block.kind = RichBlock::Kind::Heading;
        block.headingLevel = 3;
        RunFormat format;
        format.color = m_branding.colour;
        block.runs << text(m_branding.organisationOrSender(), format);
    }
    add(block);
}

void StarterLayout::heading(int level, const QString& characters)
{
    RichBlock block;
    block.kind = RichBlock::Kind::Heading;
    block.headingLevel = level;
    RunFormat format;
    format.color = m_branding.colour;
    block.runs << text(characters, format);
    add(block);
}

void StarterLayout::paragraph(const QString& characters)
{
    RichBlock block;
    block.runs << text(characters);
    add(block);
}

void StarterLayout::details(const QList<QPair<QString, QString>>& lines)
{
    RichBlock block;
    RunFormat bold;
    bold.bold = true;
    for (const auto& [label, value] : lines) {
        if (!block.runs.isEmpty())
            block.runs << lineBreak();
        block.runs << text(label, bold) << text(QLatin1Char(' ') + value);
    }
    add(block);
}

void StarterLayout::bullets(const QStringList& items)
{
    ++m_lists;
    int item = 0;
    for (const QString& characters : items) {
        RichBlock block;
        block.lists << ListLevel{false, m_lists, ++item};
        block.runs << text(characters);
        add(block);
    }
}

void StarterLayout::button(const QString& label, const QString& href)
{
    RichBlock block;
    block.alignment = QStringLiteral("center");
    RunFormat format;
    format.href = href;
    format.buttonColor = m_branding.colour;
    format.color = labelColour(m_branding.colour);
    block.runs << text(label, format);
    add(block);
}

void StarterLayout::signOff(const QString& closing)
{
    RichBlock block;
    block.runs << text(closing) << lineBreak()
               << text(tr("The team at %1", "who signs a starter message").arg(m_branding.organisationOrSender()));
    add(block);
}

RichText StarterLayout::finish() const
{
    RichText content = m_content;
    RichBlock rule;
    rule.kind = RichBlock::Kind::Rule;
    content << rule;

    RunFormat small;
    small.color = FooterColour;
    RichBlock why;
    why.alignment = QStringLiteral("center");
    why.runs << text(tr("You receive this email because {{name}} is in touch with %1.")
                         .arg(m_branding.organisationOrSender()),
                     small);
    content << why;

    RichBlock address;
    address.alignment = QStringLiteral("center");
    RunFormat link;
    link.href = QStringLiteral("{{unsubscribe_url}}");
    address.runs << text(QStringLiteral("{{postal_address}}"), small) << lineBreak()
                 << text(tr("Unsubscribe", "the link in the footer of a starter message"), link);
    content << address;
    return content;
}

} // namespace herald
