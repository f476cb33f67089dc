-- Herald schema 4 (SQLite): the nonprofits table at a million rows. Same indexes as the PostgreSQL file.

CREATE INDEX nonprofits_email_sort_idx ON nonprofits (lower(email), id);
CREATE INDEX nonprofits_ein_sort_idx ON nonprofits (COALESCE(ein, ''), id);
CREATE INDEX nonprofits_region_idx ON nonprofits (region, id);
CREATE INDEX nonprofits_country_idx ON nonprofits (country, id);
CREATE INDEX nonprofits_status_idx ON nonprofits (status, id);

CREATE INDEX suppressions_created_idx ON suppressions (created_at DESC, email);

-- Substring search on name, email, EIN and city (NonprofitCondition). LIKE '%text%' cannot use a b-tree, so a
-- full-text index with the trigram tokenizer (SQLite 3.34+, FTS5: Debian's libsqlite3 and Qt's bundled SQLite
-- have both) answers texts of three characters or more; shorter ones still scan. External content: the index
-- holds trigrams only, the triggers keep it in step with the table.
CREATE VIRTUAL TABLE nonprofits_search USING fts5(name, email, ein, city, content='nonprofits', content_rowid='id',
                                                  tokenize='trigram');
INSERT INTO nonprofits_search (nonprofits_search) VALUES ('rebuild');
CREATE TRIGGER nonprofits_search_insert AFTER INSERT ON nonprofits BEGIN
    INSERT INTO nonprofits_search (rowid, name, email, ein, city)
    VALUES (new.id, new.name, new.email, new.ein, new.city);
END;
CREATE TRIGGER nonprofits_search_delete AFTER DELETE ON nonprofits BEGIN
    INSERT INTO nonprofits_search (nonprofits_search, rowid, name, email, ein, city)
    VALUES ('delete', old.id, old.name, old.email, old.ein, old.city);
END;
CREATE TRIGGER nonprofits_search_update AFTER UPDATE OF name, email, ein, city ON nonprofits BEGIN
    INSERT INTO nonprofits_search (nonprofits_search, rowid, name, email, ein, city)
    VALUES ('delete', old.id, old.name, old.email, old.ein, old.city);
    INSERT INTO nonprofits_search (rowid, name, email, ein, city)
    VALUES (new.id, new.name, new.email, new.ein, new.city);
END;
