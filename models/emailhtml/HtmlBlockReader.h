#pragma once

#include "RichText.h"

#include <gumbo.h>

#include <QString>

namespace herald {

// What one HTML element is to the editor's content, as an ElementClassifier decides.
struct ElementReading
{
    enum class Role {
        Drop,      // the element and everything in it are left out
        Inline,    // its content goes on in the current block, in `format`
        Block,     // a paragraph-like block: its content starts a block and what follows it another
        Heading,   // a block of level headingLevel
        List,      // ul / ol
        ListItem,  // li
        LineBreak, // br
        Image,     // img: `image`
        Rule,      // hr
    };
    Role role = Role::Inline;
    RunFormat format;        // for the element's content
    QString alignment;       // Block, Heading, ListItem: empty inherits the enclosing block's
    int headingLevel = 0;    // Heading
    bool ordered = false;    // List; a word processor's list paragraph
    int wordListLevel = 0;   // Block: > 0 for a word processor's list paragraph (Word's mso-list), its level
    RichRun image;           // Image
};

// Decides what each element is; PasteCleaner forgives and drops, EditorImport keeps only what it can
// give back and notes what it could not.
class ElementClassifier
{
public:
    virtual ~ElementClassifier() = default;
    virtual ElementReading classify(const GumboNode* element, const RunFormat& inherited) = 0;
    virtual void comment(const GumboNode* /*node*/) {}
};

// Reads HTML (with gumbo) into RichText the way a browser lays it out: white space collapsed, inline
// content outside any block gathered into paragraphs, a block inside an inline element splitting it, empty
// blocks left out, lists nested (deeper than MaxListDepth flattened), word-processor list paragraphs made
// list items. What each element means is the classifier's call.
class HtmlBlockReader
{
public:
    static constexpr int MaxListDepth = 8;
    static RichText read(const QString& html, ElementClassifier* classifier);
};

} // namespace herald
