-- Herald schema 22 (SQLite): the language a template is written in (see the PostgreSQL migration).
ALTER TABLE templates ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE template_versions ADD COLUMN language TEXT NOT NULL DEFAULT '';
