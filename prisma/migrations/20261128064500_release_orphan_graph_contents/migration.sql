-- Graph contents left behind by projects and teams deleted before deletions released them.
-- Runs as the server starts, before it takes requests: no save of its own can be using one of them.
DELETE FROM "graph_content" c
WHERE NOT EXISTS (SELECT 1 FROM "version" v WHERE v."contentHash" = c."hash");
