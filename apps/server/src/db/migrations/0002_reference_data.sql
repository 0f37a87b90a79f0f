-- Reference data vendored in data/reference/ (origins: data/reference/SOURCES.md), filled and kept
-- current by apps/server/src/reference-data/load-reference-data.ts (`npm run data:load`).
-- The ref_* tables are owned by the loader: the application reads them and never writes them.
-- Must run unchanged on PostgreSQL 15 and on PGlite (PostgreSQL 18): no PG16+ syntax here.
-- Needs pg_trgm and f_unaccent() from 0001.

-- One row per vendored file: the loader skips a file whose SHA-256 (and loader version) is unchanged.
CREATE TABLE ref_dataset (
  name            text PRIMARY KEY,                 -- e.g. 'anpr.comuni'
  source_file     text NOT NULL,                    -- path under data/reference/
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  loader_version  integer NOT NULL,                 -- bumped when the mapping code changes
  row_count       integer NOT NULL CHECK (row_count >= 0),
  loaded_at       timestamptz NOT NULL DEFAULT now()
);

-- Municipalities with their whole history (ANPR archivio comuni, tabella "ANPR_archivio_comuni").
-- A Belfiore or ISTAT code can have several rows over time (renamed, moved to another province,
-- suppressed and re-established), so the key is the ANPR row ID; lookups go by code + date:
--   WHERE belfiore = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
-- Known quirks kept as in the source: 28 historic rows have no Belfiore code ("ND" → NULL);
-- D588 has two rows (FILAGO, MARNE) with the same period 1861-03-17..1928-01-25.
CREATE TABLE ref_comune (
  anpr_id              integer PRIMARY KEY,             -- ANPR "ID"
  belfiore             text CHECK (belfiore ~ '^[A-Z][0-9]{3}$'), -- CODCATASTALE; NULL when "ND"
  istat_code           text NOT NULL CHECK (istat_code ~ '^[0-9]{6}$'), -- CODISTAT
  name                 text NOT NULL,                   -- DENOMINAZIONE_IT (with accents: "AGLIÈ")
  name_translit        text NOT NULL,                   -- DENOMTRASLITTERATA ("AGLIE'")
  alt_name             text,                            -- ALTRADENOMINAZIONE (German/French/Slovene)
  alt_name_translit    text,
  -- Search key: lower case, no accents; trigram-indexed below. Query with lower(f_unaccent($1)).
  name_norm            text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED,
  province_code        text NOT NULL,                   -- SIGLAPROVINCIA at that time ("RM"; "PL"/"FU"/"ZA" for former Istria)
  province_istat_code  text NOT NULL,                   -- IDPROVINCIAISTAT ("058")
  region_code          text NOT NULL,                   -- IDREGIONE: '01'..'20'; 'EX' former territories; '00' unknown
  prefecture_code      text,                            -- IDPREFETTURA, active rows only
  valid_from           date NOT NULL,                   -- DATAISTITUZIONE
  valid_to             date,                            -- DATACESSAZIONE, inclusive; NULL = still in force (9999-12-31)
  status               text NOT NULL CHECK (status IN ('A', 'C', 'D')), -- STATO: A attivo, C cessato, D da istituire
  source               text,                            -- FONTE: I = ISTAT, AE = Agenzia delle Entrate
  name_code            text,                            -- COD_DENOM: ISTAT code of a name no longer in use
  source_updated_on    date NOT NULL,                   -- DATAULTIMOAGG
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK (status <> 'C' OR valid_to IS NOT NULL),
  -- A code in force belongs to one active municipality. Exclusion constraints (btree, no
  -- extension needed) because they can be DEFERRED: a refresh that ceases a row and activates
  -- its successor with the same code is checked at commit, not row by row.
  CONSTRAINT ref_comune_active_belfiore_excl EXCLUDE USING btree (belfiore WITH =) WHERE (status = 'A')
    DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT ref_comune_active_istat_excl EXCLUDE USING btree (istat_code WITH =) WHERE (status = 'A')
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ref_comune_belfiore_idx ON ref_comune (belfiore, valid_from);
CREATE INDEX ref_comune_istat_idx ON ref_comune (istat_code, valid_from);
CREATE INDEX ref_comune_name_trgm_idx ON ref_comune USING gin (name_norm gin_trgm_ops);

-- Foreign states and territories (ANPR tabella 2 "Stati esteri", 2019) with derived ISO codes.
-- code = the 3-digit ISTAT/ANPR code (Italia 100, Apolide 999, in corso di definizione 997,
-- non attribuibile 998); belfiore = the Z-code used in the codice fiscale (NULL for Italia,
-- Apolide and most dependent territories). SIUSS wants ISO 3166-1 numeric, zero-padded to 3.
CREATE TABLE ref_stato_estero (
  code                   text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'), -- codistat
  anpr_id                integer NOT NULL,               -- id
  belfiore               text CHECK (belfiore ~ '^Z[0-9]{3}$'), -- codat
  name                   text NOT NULL,                  -- denominazione (ISTAT name when missing)
  name_istat             text,                           -- denominazioneistat
  name_en                text,                           -- denominazioneistat_en
  name_norm              text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED,
  iso_alpha3             text,                           -- codiso3166_1_alpha3 ('KOS' and 'ZZZ' are not ISO)
  iso_alpha2             text CHECK (iso_alpha2 ~ '^[A-Z]{2}$'), -- derived
  iso_numeric            smallint CHECK (iso_numeric BETWEEN 1 AND 999), -- derived
  mae_code               text,                           -- codmae (Foreign Ministry)
  min_code               text,                           -- codmin (Interior Ministry)
  kind                   text CHECK (kind IN ('STATO', 'TERRITORIO', 'ALTRO')), -- tipo
  sovereign_iso_alpha3   text,                           -- codisosovrano, for territories
  citizenship_allowed    boolean NOT NULL,               -- cittadinanza S/N
  birth_allowed          boolean NOT NULL,               -- nascita S/N
  residence_allowed      boolean NOT NULL,               -- residenza S/N
  valid_from             date,                           -- datainiziovalidita
  valid_to               date,                           -- datafinevalidita, inclusive; NULL = in force
  source                 text,                           -- fonte (MAECI, ISTAT, ANPR)
  source_updated_on      date,                           -- dataultimoagg
  -- Deferred for the same reason as on ref_comune (codes moving between rows in a refresh).
  CONSTRAINT ref_stato_estero_anpr_id_uniq UNIQUE (anpr_id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT ref_stato_estero_belfiore_uniq UNIQUE (belfiore) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ref_stato_estero_iso_numeric_idx ON ref_stato_estero (iso_numeric);

-- Every other code list, one row per (list, code). List names are '<family>.<name>':
--   anpr.*          ANPR tables (relazione_parentela, stato_civile, tipo_soggiorno, …);
--   siuss.<XsdType> enumerations of the INPS SIUSS XSDs (e.g. siuss.AreaUtenzaType);
--   siuss.CodicePrestazione  observed benefit codes (partial; label may be NULL);
--   istat.*         regions, ripartizioni, areas of users, macro-areas, post-2023 changes;
--   isee.*          ISEE types and equivalence scale (DPCM 159/2013);
--   cf.*            codice fiscale tables (D.M. 23/12/1976);
--   valutazione.*   assessment instruments: barthel_item (extra.levels = [{score, description}]),
--                   barthel_classe, spmsq_domanda, spmsq_classe (extra.min/max);
--   siso.*          lists compiled for SISO (e.g. siso.motivo_permesso_soggiorno).
-- data/reference/SOURCES.md maps every file to its lists and documents each `extra` shape.
CREATE TABLE ref_code (
  list        text NOT NULL CHECK (list ~ '^[a-z]+\.[A-Za-z0-9_]+$'),
  code        text NOT NULL CHECK (code <> ''),
  label       text,
  extra       jsonb NOT NULL DEFAULT '{}'::jsonb,
  valid_from  date,
  valid_to    date,                                    -- inclusive; NULL = in force
  sort        integer NOT NULL,                        -- order of the source file
  dataset     text NOT NULL,                           -- ref_dataset.name that owns the row
  PRIMARY KEY (list, code),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX ref_code_dataset_idx ON ref_code (dataset);
