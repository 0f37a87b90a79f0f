-- People registry (anagrafe soggetti): issue 4, product brief module 2, siso-original §4.1.
-- A person belongs to one ambito (architecture: "a person has one case per ambito"); ente_id and
-- office_id record who registered them and decide the scope of full reads; identification
-- (search-before-create) is ambito-wide through a limited preview.

-- btree_gin: the ambito as the leading key of the trigram indexes below (bench/person-search).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE person (
  id                   uuid PRIMARY KEY,
  ambito_id            uuid NOT NULL REFERENCES ambito(id),
  ente_id              uuid NOT NULL REFERENCES ente(id),
  office_id            uuid NOT NULL REFERENCES office(id),
  created_by           uuid REFERENCES operator(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           uuid REFERENCES operator(id),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  archived_at          timestamptz,
  -- An anonymous person has a generated identifier until identified (issue 4, point 4).
  anonymous            boolean NOT NULL DEFAULT false,
  anonymous_code       text UNIQUE CHECK (anonymous_code ~ '^ANON-[0-9A-Z]{8}$'),
  fiscal_code          text CHECK (fiscal_code ~ '^[A-Z0-9]{16}$'),
  -- 'temporary' codes are local: never sent to ANPR, INPS or any external system.
  fiscal_code_kind     text CHECK (fiscal_code_kind IN ('definitive','temporary','stp','eni')),
  -- The code with omocodia undone (D.M. 23/12/1976): omocodic variants of one person share it.
  fiscal_code_base     text,
  surname              text,
  name                 text,
  -- Search keys: normalizeName() of @siso/shared (lower case, no accents or apostrophes).
  surname_norm         text,
  name_norm            text,
  sex                  char(1) CHECK (sex IN ('M','F')),
  birth_date           date,
  birth_comune_istat   text CHECK (birth_comune_istat ~ '^[0-9]{6}$'),
  birth_state_code     text CHECK (birth_state_code ~ '^[0-9]{3}$'),
  birth_place_name     text,
  birth_belfiore       text CHECK (birth_belfiore ~ '^[A-Z][0-9]{3}$'),
  citizenships         text[] NOT NULL DEFAULT '{}',
  civil_status         text,
  contacts             jsonb NOT NULL DEFAULT '[]'::jsonb,
  homeless             boolean NOT NULL DEFAULT false,
  reception_facility   text,
  gp                   jsonb,
  health_card_number   text,
  stp_eni_code         text CHECK (stp_eni_code ~ '^(STP|ENI)[0-9]{13}$'),
  date_of_death        date,
  notes                text,
  anpr_id              text,
  registry_sync        boolean NOT NULL DEFAULT false,
  registry_checked_at  timestamptz,
  -- Victims of violence, adoptions, witnesses: address, domicile and household links are hidden
  -- from everyone but the operators granted ('protectedPerson' access grants), on every path.
  protection_reason    text CHECK (protection_reason IN ('violence','adoption','witness','other')),
  merged_into          uuid REFERENCES person(id),
  CHECK (anonymous OR surname IS NOT NULL),
  CHECK ((fiscal_code IS NULL) = (fiscal_code_kind IS NULL)),
  CHECK (date_of_death IS NULL OR birth_date IS NULL OR date_of_death >= birth_date),
  CHECK (birth_comune_istat IS NULL OR birth_state_code IS NULL)
);
-- One live record per fiscal code per ambito (search-before-create; duplicates are merged).
CREATE UNIQUE INDEX person_fiscal_code_uq ON person (ambito_id, fiscal_code) WHERE fiscal_code IS NOT NULL AND merged_into IS NULL;
CREATE INDEX person_fiscal_code_base_idx ON person (ambito_id, fiscal_code_base);
CREATE INDEX person_ente_idx ON person (ambito_id, ente_id);
CREATE INDEX person_office_idx ON person (office_id);
CREATE INDEX person_created_by_idx ON person (created_by);
-- Search by name (modules/persons/search/search-persons.ts; measured in bench/person-search at 1M
-- people in 10 ambiti). Surname prefix inside the ambito: covering and partial, so the thousands of
-- live people a 3-letter prefix matches are ranked from the index alone (the INCLUDEd columns are
-- those the scope predicate and the preview filter read).
CREATE INDEX person_surname_prefix_idx ON person (ambito_id, surname_norm text_pattern_ops, name_norm)
  INCLUDE (id, ente_id, office_id, created_by, protection_reason)
  WHERE archived_at IS NULL AND merged_into IS NULL;
CREATE INDEX person_birth_date_idx ON person (ambito_id, birth_date);
-- Typo-tolerant search: trigram GIN led by the ambito (btree_gin), so a scan keeps only the actor's
-- ambito and rechecks a tenth of the rows a trigram-only index would (issue 4 benchmark note). One
-- word: similarity to the surname (`%`); several words, in any order: word similarity to
-- "surname name" (`<%`, the expression below, written identically in the query).
CREATE INDEX person_surname_trgm_idx ON person USING gin (ambito_id, surname_norm gin_trgm_ops);
CREATE INDEX person_full_name_trgm_idx ON person USING gin (ambito_id, (coalesce(surname_norm, '') || ' ' || coalesce(name_norm, '')) gin_trgm_ops);
CREATE INDEX person_anpr_idx ON person (anpr_id) WHERE anpr_id IS NOT NULL;
CREATE INDEX person_registry_sync_idx ON person (ambito_id) WHERE registry_sync AND merged_into IS NULL AND archived_at IS NULL;

-- Other names a person is known by (issue 4, point 4): searchable like the main name.
CREATE TABLE person_alias (
  id            uuid PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES person(id),
  ambito_id     uuid NOT NULL REFERENCES ambito(id),
  surname       text NOT NULL,
  name          text,
  surname_norm  text NOT NULL,
  name_norm     text,
  note          text,
  position      integer NOT NULL
);
CREATE INDEX person_alias_person_idx ON person_alias (person_id);
CREATE INDEX person_alias_surname_trgm_idx ON person_alias USING gin (surname_norm gin_trgm_ops);
CREATE INDEX person_alias_ambito_idx ON person_alias (ambito_id, surname_norm text_pattern_ops);

-- Residence and domicile, historised with validity dates (siso-original CS_A_INDIRIZZO [validity]).
CREATE TABLE person_address (
  id            uuid PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES person(id),
  ambito_id     uuid NOT NULL REFERENCES ambito(id),
  kind          text NOT NULL CHECK (kind IN ('residence','domicile')),
  street        text NOT NULL,
  civic         text,
  postal_code   text,
  comune_istat  text CHECK (comune_istat ~ '^[0-9]{6}$'),
  state_code    text CHECK (state_code ~ '^[0-9]{3}$'),
  locality      text,
  valid_from    date NOT NULL,
  valid_to      date,
  source        text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','registry')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid REFERENCES operator(id),
  CHECK ((comune_istat IS NULL) <> (state_code IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX person_address_person_idx ON person_address (person_id, kind, valid_from DESC);

-- Every manual (and registry) change of registry data: who, when, old → new (issue 4, point 9;
-- siso-original CS_A_ANAGRAFICA_LOG). Special-category fields keep only their names.
CREATE TABLE person_history (
  id            uuid PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES person(id),
  ambito_id     uuid NOT NULL REFERENCES ambito(id),
  at            timestamptz NOT NULL DEFAULT now(),
  operator_id   uuid REFERENCES operator(id),
  source        text NOT NULL CHECK (source IN ('manual','registry','merge','fiscal_code_replacement','identification')),
  changes       jsonb NOT NULL,
  note          text
);
CREATE INDEX person_history_person_idx ON person_history (person_id, at DESC, id DESC);

-- Merges, traceable afterwards: the merged record stays (merged_into set, archived) and this row
-- keeps its snapshot and what moved (issue 4, point 7).
CREATE TABLE person_merge (
  id                 uuid PRIMARY KEY,
  ambito_id          uuid NOT NULL REFERENCES ambito(id),
  survivor_id        uuid NOT NULL REFERENCES person(id),
  merged_id          uuid NOT NULL REFERENCES person(id),
  take_from_merged   text[] NOT NULL,
  merged_snapshot    jsonb NOT NULL,
  moved              jsonb NOT NULL,
  reason             text NOT NULL,
  at                 timestamptz NOT NULL DEFAULT now(),
  operator_id        uuid REFERENCES operator(id)
);
CREATE INDEX person_merge_survivor_idx ON person_merge (survivor_id);
CREATE INDEX person_merge_merged_idx ON person_merge (merged_id);

-- Household (nucleo), other relatives and the wider network of a person (siso-original
-- CS_A_FAMIGLIA_GRUPPO / CS_A_COMPONENTE); kinship with ANPR relazione di parentela codes.
CREATE TABLE household_group (
  id               uuid PRIMARY KEY,
  ambito_id        uuid NOT NULL REFERENCES ambito(id),
  ente_id          uuid NOT NULL REFERENCES ente(id),
  office_id        uuid NOT NULL REFERENCES office(id),
  owner_person_id  uuid NOT NULL REFERENCES person(id),
  kind             text NOT NULL CHECK (kind IN ('household','relatives','network')),
  lives_alone      boolean NOT NULL DEFAULT false,
  created_by       uuid REFERENCES operator(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid REFERENCES operator(id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  archived_at      timestamptz
);
CREATE UNIQUE INDEX household_group_owner_kind_uq ON household_group (owner_person_id, kind) WHERE archived_at IS NULL;
CREATE INDEX household_group_ambito_idx ON household_group (ambito_id, ente_id);

CREATE TABLE household_member (
  id                      uuid PRIMARY KEY,
  group_id                uuid NOT NULL REFERENCES household_group(id),
  ambito_id               uuid NOT NULL REFERENCES ambito(id),
  person_id               uuid REFERENCES person(id),
  display_name            text,
  relationship            text NOT NULL,
  cohabiting              boolean NOT NULL DEFAULT false,
  parental_responsibility boolean NOT NULL DEFAULT false,
  availability            text CHECK (availability IN ('available','partial','unavailable')),
  contact                 text,
  note                    text,
  valid_from              date,
  valid_to                date,
  source                  text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','registry')),
  position                integer NOT NULL,
  CHECK (person_id IS NOT NULL OR display_name IS NOT NULL)
);
CREATE INDEX household_member_group_idx ON household_member (group_id, position);
CREATE INDEX household_member_person_idx ON household_member (person_id) WHERE person_id IS NOT NULL;

-- Registry change feed position per ambito (nightly sync job).
CREATE TABLE registry_sync_state (
  ambito_id     uuid PRIMARY KEY REFERENCES ambito(id),
  cursor        text,
  last_run_at   timestamptz,
  last_outcome  text,
  last_error    text
);
