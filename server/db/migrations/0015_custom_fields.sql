-- Custom fields on the use-case template (ADR 0011). Definitions per workspace; values stay in
-- use_cases.custom_fields (jsonb, keyed by field key, the source of truth); a typed copy of each
-- value in use_case_field_values, kept by a trigger, is what lists filter and sort on.

CREATE TABLE custom_fields (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text NOT NULL,
  help_text text NOT NULL DEFAULT '',
  type text NOT NULL CHECK (type IN ('shortText', 'longText', 'number', 'slider', 'checkbox', 'date', 'singleSelect', 'multiSelect', 'tags', 'person')),
  required boolean NOT NULL DEFAULT false,
  position integer NOT NULL,
  -- min, max, decimals, step, options [{ id, label, color }]: what the type uses.
  config jsonb NOT NULL DEFAULT '{}'::jsonb,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, key)
);
CREATE INDEX custom_fields_workspace_idx ON custom_fields (workspace_id, position);

-- Whether Moderators may define fields too (Admins always may).
CREATE TABLE custom_field_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  moderators_may_define boolean NOT NULL DEFAULT false
);

CREATE TABLE use_case_field_values (
  field_id uuid NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
  use_case_id uuid NOT NULL REFERENCES use_cases (id) ON DELETE CASCADE,
  sort_number numeric,
  sort_text text,
  sort_date date,
  -- Option ids, tags or person ids: what "has" filters match.
  items text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (field_id, use_case_id)
);
CREATE INDEX use_case_field_values_number_idx ON use_case_field_values (field_id, sort_number, use_case_id) WHERE sort_number IS NOT NULL;
CREATE INDEX use_case_field_values_text_idx ON use_case_field_values (field_id, sort_text, use_case_id) WHERE sort_text IS NOT NULL;
CREATE INDEX use_case_field_values_date_idx ON use_case_field_values (field_id, sort_date, use_case_id) WHERE sort_date IS NOT NULL;
CREATE INDEX use_case_field_values_items_idx ON use_case_field_values USING gin (items);
CREATE INDEX use_case_field_values_use_case_idx ON use_case_field_values (use_case_id);

-- The typed copy of one value. Single selects sort by option position; checkboxes as 0/1.
CREATE FUNCTION custom_field_typed_value(field_type text, config jsonb, value jsonb)
RETURNS TABLE (sort_number numeric, sort_text text, sort_date date, items text[])
LANGUAGE sql IMMUTABLE AS $$
  SELECT
    CASE
      WHEN field_type IN ('number', 'slider') THEN (value #>> '{}')::numeric
      WHEN field_type = 'checkbox' THEN CASE WHEN value = 'true'::jsonb THEN 1 ELSE 0 END
      WHEN field_type = 'singleSelect' THEN (
        SELECT o.position FROM jsonb_array_elements(config -> 'options') WITH ORDINALITY AS o (option, position)
        WHERE o.option ->> 'id' = value #>> '{}')
    END,
    CASE WHEN field_type IN ('shortText', 'longText') THEN lower(left(value #>> '{}', 200)) END,
    CASE WHEN field_type = 'date' THEN (value #>> '{}')::date END,
    CASE
      WHEN field_type IN ('multiSelect', 'tags') THEN ARRAY(SELECT jsonb_array_elements_text(value))
      WHEN field_type IN ('singleSelect', 'person') THEN ARRAY[value #>> '{}']
      ELSE '{}'::text[]
    END
$$;

CREATE FUNCTION index_use_case_field_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM use_case_field_values WHERE use_case_id = NEW.id;
  INSERT INTO use_case_field_values (field_id, use_case_id, sort_number, sort_text, sort_date, items)
  SELECT f.id, NEW.id, v.sort_number, v.sort_text, v.sort_date, v.items
  FROM custom_fields f
  CROSS JOIN LATERAL custom_field_typed_value(f.type, f.config, NEW.custom_fields -> f.key) v
  WHERE f.workspace_id = NEW.workspace_id AND jsonb_typeof(NEW.custom_fields -> f.key) IS DISTINCT FROM 'null' AND NEW.custom_fields ? f.key;
  RETURN NULL;
END $$;

CREATE TRIGGER use_cases_field_values_insert AFTER INSERT ON use_cases
  FOR EACH ROW WHEN (NEW.custom_fields <> '{}'::jsonb) EXECUTE FUNCTION index_use_case_field_values();
CREATE TRIGGER use_cases_field_values_update AFTER UPDATE OF custom_fields ON use_cases
  FOR EACH ROW WHEN (OLD.custom_fields IS DISTINCT FROM NEW.custom_fields) EXECUTE FUNCTION index_use_case_field_values();

-- After a definition changes (type, option order): rebuild that field's typed copies.
CREATE FUNCTION reindex_custom_field(p_field_id uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM use_case_field_values WHERE field_id = p_field_id;
  INSERT INTO use_case_field_values (field_id, use_case_id, sort_number, sort_text, sort_date, items)
  SELECT f.id, u.id, v.sort_number, v.sort_text, v.sort_date, v.items
  FROM custom_fields f
  JOIN use_cases u ON u.workspace_id = f.workspace_id AND u.custom_fields ? f.key
  CROSS JOIN LATERAL custom_field_typed_value(f.type, f.config, u.custom_fields -> f.key) v
  WHERE f.id = p_field_id AND jsonb_typeof(u.custom_fields -> f.key) <> 'null';
$$;
