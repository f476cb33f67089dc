-- Herald schema 22: the language a template is written in (issue 17), which its spell check follows: a BCP 47 tag
-- such as "es" or "fr_CA"; empty means the language of the interface of whoever edits it. Versions keep theirs.
ALTER TABLE templates ADD COLUMN language text NOT NULL DEFAULT '';
ALTER TABLE template_versions ADD COLUMN language text NOT NULL DEFAULT '';
