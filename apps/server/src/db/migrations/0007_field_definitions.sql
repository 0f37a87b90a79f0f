-- Configuration-defined fields (access issue: "configuration-defined fields with a class"; architecture,
-- "Scope, grants and masking": extra desk fields, intervention detail forms and instruments declare a
-- class too). A definition is a region template (ambito_id NULL, kept by the installation's
-- administrator) or belongs to one ambito. The owning module stores the values of a record as a jsonb map
-- key → value and masks, validates and audits them through the definitions (access/custom-fields.ts).
-- Must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).

CREATE TABLE field_definition (
  id           uuid PRIMARY KEY,
  regione_id   uuid NOT NULL REFERENCES regione(id),
  -- NULL: a region template, offered to every ambito of the region.
  ambito_id    uuid REFERENCES ambito(id),
  -- Where the field appears (packages/shared/src/custom-fields): the extra fields of an intake desk, of a
  -- person; later intervention detail forms and instruments.
  target       text NOT NULL CHECK (target IN ('intake', 'person', 'intervention_detail', 'instrument')),
  -- Narrows the target: for 'intake' a desk type (sportello_stranieri…) or a thematic code (adi…);
  -- NULL: everywhere in the target.
  applies_to   text CHECK (applies_to ~ '^[a-z][a-z0-9_]{0,59}$'),
  -- The key of the value in the owning record's map: never changes once created.
  key          text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,59}$'),
  label_it     text NOT NULL,
  label_en     text,
  help_it      text,
  help_en      text,
  type         text NOT NULL CHECK (type IN ('text', 'long_text', 'number', 'date', 'boolean', 'choice', 'multi_choice')),
  -- Choices: [{ "code", "labelIt", "labelEn", "archived" }]; empty for the other types.
  options      jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(options) = 'array'),
  required     boolean NOT NULL DEFAULT false,
  field_class  text NOT NULL CHECK (field_class IN ('public', 'personal', 'special', 'judicial', 'reserved', 'foreigner')),
  -- Length of text, value of a number, count of a multiple choice.
  min_value    double precision,
  max_value    double precision,
  min_date     date,
  max_date     date,
  -- A regular expression the whole text must match.
  pattern      text,
  position     integer NOT NULL DEFAULT 0,
  -- Offered on new records between these dates; archived fields are no longer offered, but still mask
  -- and describe the values already stored.
  valid_from   date,
  valid_to     date,
  archived_at  timestamptz,
  created_by   uuid REFERENCES operator(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   uuid REFERENCES operator(id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 0,
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
  CHECK (min_date IS NULL OR max_date IS NULL OR min_date <= max_date),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
-- One key per scope (the region's templates, or one ambito) and target.
CREATE UNIQUE INDEX field_definition_key_uniq
  ON field_definition (regione_id, COALESCE(ambito_id, '00000000-0000-0000-0000-000000000000'::uuid), target, key);
CREATE INDEX field_definition_ambito_idx ON field_definition (ambito_id, target, position);
