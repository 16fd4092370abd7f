-- Graph contents are stored as the canonical JSON text the server hashed, instead of jsonb: the
-- server has already parsed and validated the document, and PostgreSQL converting ~200 KB of text
-- into jsonb (and compressing it with pglz) was most of the cost of saving a large design. Nothing
-- queries inside the documents.
ALTER TABLE "graph_content" ALTER COLUMN "doc" SET DATA TYPE TEXT USING "doc"::text;

-- lz4 compresses several times faster than the default pglz; servers built without it keep pglz.
DO $$
BEGIN
  ALTER TABLE "graph_content" ALTER COLUMN "doc" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  NULL;
END $$;
