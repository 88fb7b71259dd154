-- Text search (`q`) is a case-insensitive substring match on title and description. Without
-- these trigram indexes PostgreSQL reads every use case of the workspace when little matches
-- (measured: 40 req/s at 20,000 use cases). pg_trgm is a trusted extension (PostgreSQL ≥ 13):
-- the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX use_cases_title_trgm_idx ON use_cases USING gin (title gin_trgm_ops);
CREATE INDEX use_cases_description_trgm_idx ON use_cases USING gin (description gin_trgm_ops);
