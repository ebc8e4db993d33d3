"""one full-text document per candidate on PostgreSQL

Revision ID: d5b8f2c7e4a3_candidate_text
Revises: c4e8a2f61d07_pair_indexes
Create Date: 2026-12-07 21:20:00

A search of several words matched each word in its own per-kind documents
and joined the matches against every candidate (a first name and a surname:
35-110 ms at 100k candidates). ``search_candidate_text`` holds one
``tsvector`` per candidate over all their documents -- what SQLite's FTS5 row
per candidate already is -- so every word is one GIN lookup of an AND-ed
tsquery (3 ms). Statement triggers on ``search_documents`` keep it in step,
whoever writes the documents (the index, bulk loaders, cascades). The
per-document ``tsv`` column and its GIN index, read by nothing now, go: every
write of a document no longer updates two full-text indexes.
SQLite: nothing to do.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'd5b8f2c7e4a3_candidate_text'
down_revision = 'c4e8a2f61d07_pair_indexes'
branch_labels = None
depends_on = None

# The candidate's documents in kind order, as one text: the same words the
# per-kind rows hold, positions kept so phrase parts of a word ("o'brien")
# match as before.
_AGGREGATE = """
    SELECT candidate_id, to_tsvector('simple', string_agg(body, ' ' ORDER BY kind)) AS tsv
    FROM search_documents {where} GROUP BY candidate_id"""

REFRESH_FUNCTION = f"""
CREATE FUNCTION search_candidate_text_refresh() RETURNS trigger LANGUAGE plpgsql
-- Planned for each call with the tables' current size: a generic plan, cached
-- once per connection, would keep what suited search_documents when it was
-- small (a new database being filled).
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    ids integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT candidate_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT candidate_id) INTO ids FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT candidate_id) INTO ids
        FROM (SELECT candidate_id FROM old_rows UNION SELECT candidate_id FROM new_rows) AS moved;
    END IF;
    IF ids IS NULL THEN
        RETURN NULL;
    END IF;
    -- Lock each candidate's row (created empty if new) before reading their
    -- documents: each statement below reads with a fresh snapshot, so a
    -- transaction that changed another kind of the same candidate has
    -- committed by then and its text is not lost.
    INSERT INTO search_candidate_text (candidate_id, tsv)
        SELECT DISTINCT candidate_id, ''::tsvector FROM search_documents
        WHERE candidate_id = ANY (ids)
        ON CONFLICT (candidate_id) DO NOTHING;
    PERFORM 1 FROM search_candidate_text WHERE candidate_id = ANY (ids)
        ORDER BY candidate_id FOR UPDATE;
    DELETE FROM search_candidate_text AS t
        WHERE t.candidate_id = ANY (ids)
        AND NOT EXISTS (SELECT 1 FROM search_documents AS d WHERE d.candidate_id = t.candidate_id);
    UPDATE search_candidate_text AS t SET tsv = fresh.tsv
        FROM ({_AGGREGATE.format(where="WHERE candidate_id = ANY (ids)")}) AS fresh
        WHERE t.candidate_id = fresh.candidate_id;
    RETURN NULL;
END $$"""

# A trigger with transition tables answers one event, hence three.
TRIGGERS = [
    """CREATE TRIGGER search_documents_candidate_text_ai AFTER INSERT ON search_documents
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION search_candidate_text_refresh()""",
    """CREATE TRIGGER search_documents_candidate_text_au AFTER UPDATE ON search_documents
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION search_candidate_text_refresh()""",
    """CREATE TRIGGER search_documents_candidate_text_ad AFTER DELETE ON search_documents
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION search_candidate_text_refresh()""",
]


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """CREATE TABLE search_candidate_text (
            candidate_id integer NOT NULL PRIMARY KEY
                REFERENCES candidates (id) ON DELETE CASCADE,
            tsv tsvector NOT NULL)"""
    )
    op.execute(f"INSERT INTO search_candidate_text (candidate_id, tsv) {_AGGREGATE.format(where='')}")
    # Built after the backfill: one pass instead of 100k index insertions.
    op.execute("CREATE INDEX ix_search_candidate_text_tsv ON search_candidate_text USING gin (tsv)")
    op.execute(REFRESH_FUNCTION)
    for statement in TRIGGERS:
        op.execute(statement)
    op.execute("DROP INDEX ix_search_documents_tsv")
    op.execute("ALTER TABLE search_documents DROP COLUMN tsv")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """ALTER TABLE search_documents ADD COLUMN tsv tsvector
            GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED"""
    )
    op.execute("CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)")
    for name in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER search_documents_candidate_text_{name} ON search_documents")
    op.execute("DROP FUNCTION search_candidate_text_refresh()")
    op.execute("DROP TABLE search_candidate_text")
