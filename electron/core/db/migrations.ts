/**
 * Numbered migrations of the register. Append only: a released migration is never edited.
 * Each runs inside the one transaction that opening the register starts.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'kantor, pengguna, buku agenda',
    sql: `
CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  government TEXT NOT NULL,
  agency_name TEXT NOT NULL,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL,
  time_zone TEXT NOT NULL CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  logo_sha256 TEXT REFERENCES attachments(sha256),
  agenda_format TEXT NOT NULL DEFAULT '{urut}/{kode}/{tahun}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE officials (
  id INTEGER PRIMARY KEY,
  position TEXT NOT NULL CHECK (position IN ('kadis', 'kabid')),
  title TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  rank TEXT NOT NULL DEFAULT '',
  nip TEXT NOT NULL DEFAULT '',
  acting INTEGER NOT NULL DEFAULT 0 CHECK (acting IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE opd (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  short_name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('front_desk', 'kadis', 'kabid', 'technical', 'security', 'admin')),
  official_id INTEGER REFERENCES officials(id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE classification_codes (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE disposition_instructions (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE agenda_counters (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

CREATE TABLE letters (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  agenda_number TEXT NOT NULL,
  opd_id INTEGER REFERENCES opd(id),
  sender_name TEXT NOT NULL,
  letter_number TEXT NOT NULL,
  letter_date TEXT NOT NULL,
  received_at TEXT NOT NULL,
  subject TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  nature TEXT NOT NULL CHECK (nature IN ('biasa', 'segera', 'sangat_segera', 'rahasia')),
  classification_code TEXT NOT NULL REFERENCES classification_codes(code),
  service TEXT NOT NULL CHECK (service IN ('hosting', 'subdomain', 'website', 'lainnya')),
  status TEXT NOT NULL DEFAULT 'baru'
    CHECK (status IN ('baru', 'didisposisi', 'diproses', 'selesai', 'dikembalikan', 'dibatalkan')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX letters_received ON letters(received_at);
CREATE INDEX letters_year_seq ON letters(year DESC, seq DESC);

CREATE TABLE letter_attachments (
  letter_id INTEGER NOT NULL REFERENCES letters(id),
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (letter_id, position)
);
CREATE INDEX letter_attachments_sha ON letter_attachments(sha256);

CREATE VIRTUAL TABLE letters_fts USING fts5(
  agenda_number, sender_name, letter_number, subject, summary,
  content = 'letters', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN
  INSERT INTO letters_fts(rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES (new.id, new.agenda_number, new.sender_name, new.letter_number, new.subject, new.summary);
END;
CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters BEGIN
  INSERT INTO letters_fts(letters_fts, rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES ('delete', old.id, old.agenda_number, old.sender_name, old.letter_number, old.subject, old.summary);
END;
CREATE TRIGGER letters_fts_update AFTER UPDATE OF agenda_number, sender_name, letter_number, subject, summary ON letters BEGIN
  INSERT INTO letters_fts(letters_fts, rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES ('delete', old.id, old.agenda_number, old.sender_name, old.letter_number, old.subject, old.summary);
  INSERT INTO letters_fts(rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES (new.id, new.agenda_number, new.sender_name, new.letter_number, new.subject, new.summary);
END;
`,
  },
  {
    version: 2,
    name: 'SOP, kalender kerja, permohonan, disposisi, log audit',
    sql: `
CREATE TABLE sop_templates (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('request', 'complaint')),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  definition TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (key, version)
);

CREATE TABLE service_sops (
  service TEXT PRIMARY KEY CHECK (service IN ('hosting', 'subdomain', 'website', 'lainnya', 'pengaduan')),
  template_key TEXT NOT NULL
);

CREATE TABLE office_hours (
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  PRIMARY KEY (weekday, start)
);

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'penutupan'))
);

CREATE TABLE closures (
  id INTEGER PRIMARY KEY,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE requests (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL UNIQUE REFERENCES letters(id),
  template_id INTEGER NOT NULL REFERENCES sop_templates(id),
  current_step TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('berjalan', 'dijeda', 'selesai', 'dikembalikan')),
  started_at TEXT NOT NULL,
  closed_at TEXT,
  revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX requests_open ON requests(state, current_step);

-- Which Loket roles may see a request because one of its steps has reached them without a
-- disposition (dispositions give access to their recipients only).
CREATE TABLE request_roles (
  request_id INTEGER NOT NULL REFERENCES requests(id),
  role TEXT NOT NULL,
  PRIMARY KEY (request_id, role)
);

CREATE TABLE request_events (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests(id),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  type TEXT NOT NULL CHECK (type IN ('step_started', 'step_completed', 'paused', 'resumed', 'reopened')),
  step_id TEXT NOT NULL,
  branch TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events(request_id, id);

CREATE TABLE dispositions (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests(id),
  step_id TEXT NOT NULL,
  from_user_id INTEGER NOT NULL REFERENCES users(id),
  to_role_key TEXT NOT NULL,
  instructions TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  withdrawn_at TEXT
);
CREATE INDEX dispositions_request ON dispositions(request_id);

CREATE TABLE disposition_recipients (
  disposition_id INTEGER NOT NULL REFERENCES dispositions(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  read_at TEXT,
  PRIMARY KEY (disposition_id, user_id)
);
CREATE INDEX disposition_recipients_user ON disposition_recipients(user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
`,
  },
  {
    version: 3,
    name: 'register sistem yang di-hosting: domain induk, kumpulan IP, server, sistem, status, pemeliharaan, evaluasi keamanan',
    sql: `
CREATE TABLE hosting_parent_domains (
  id INTEGER PRIMARY KEY,
  domain TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position INTEGER NOT NULL
);

CREATE TABLE hosting_ip_pools (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  cidr TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version IN (4, 6)),
  -- JSON array of canonical addresses never given to a system (gateway, servers).
  reserved TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position INTEGER NOT NULL
);

CREATE TABLE hosting_servers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  notes TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position INTEGER NOT NULL
);

CREATE TABLE hosted_systems (
  id INTEGER PRIMARY KEY,
  opd_id INTEGER NOT NULL REFERENCES opd(id),
  application_name TEXT NOT NULL,
  subdomain TEXT NOT NULL,
  parent_domain TEXT NOT NULL REFERENCES hosting_parent_domains(domain),
  server_id INTEGER REFERENCES hosting_servers(id),
  stack TEXT NOT NULL DEFAULT '',
  database_engine TEXT NOT NULL DEFAULT '',
  panel_url TEXT NOT NULL DEFAULT '',
  panel_username TEXT NOT NULL DEFAULT '',
  -- Only ever sealed by a SecretBox (see services/secrets.ts); the key is not in the register.
  panel_password_sealed TEXT,
  panel_password_box TEXT,
  panel_password_set_at TEXT,
  panel_password_set_by INTEGER REFERENCES users(id),
  tech_contact_name TEXT NOT NULL DEFAULT '',
  tech_contact_phone TEXT NOT NULL DEFAULT '',
  tech_contact_email TEXT NOT NULL DEFAULT '',
  admin_contact_name TEXT NOT NULL DEFAULT '',
  admin_contact_phone TEXT NOT NULL DEFAULT '',
  admin_contact_email TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'ditangguhkan', 'dihentikan')),
  -- The request the system was registered from, if any (all links: hosted_system_links).
  request_id INTEGER REFERENCES requests(id),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (subdomain, parent_domain)
);
CREATE INDEX hosted_systems_opd ON hosted_systems(opd_id);

CREATE TABLE hosted_system_addresses (
  -- Canonical text (IPv6 compressed lowercase): one address belongs to one system only.
  address TEXT PRIMARY KEY,
  hosted_system_id INTEGER NOT NULL REFERENCES hosted_systems(id),
  version INTEGER NOT NULL CHECK (version IN (4, 6)),
  pool_id INTEGER NOT NULL REFERENCES hosting_ip_pools(id),
  position INTEGER NOT NULL
);
CREATE INDEX hosted_system_addresses_system ON hosted_system_addresses(hosted_system_id);
CREATE INDEX hosted_system_addresses_pool ON hosted_system_addresses(pool_id);

CREATE TABLE hosted_system_status_history (
  id INTEGER PRIMARY KEY,
  hosted_system_id INTEGER NOT NULL REFERENCES hosted_systems(id),
  status TEXT NOT NULL CHECK (status IN ('aktif', 'ditangguhkan', 'dihentikan')),
  reason TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX hosted_system_status_history_system ON hosted_system_status_history(hosted_system_id, id);

CREATE TABLE hosted_system_maintenance (
  id INTEGER PRIMARY KEY,
  hosted_system_id INTEGER NOT NULL REFERENCES hosted_systems(id),
  date TEXT NOT NULL,
  description TEXT NOT NULL,
  performed_by TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX hosted_system_maintenance_system ON hosted_system_maintenance(hosted_system_id, date);

CREATE TABLE security_evaluations (
  id INTEGER PRIMARY KEY,
  -- Empty while the system is not registered yet (Pontianak step 3 comes before step 4); filled
  -- when the system is registered for the same request.
  hosted_system_id INTEGER REFERENCES hosted_systems(id),
  request_id INTEGER REFERENCES requests(id),
  checklist TEXT NOT NULL,
  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
  findings TEXT NOT NULL DEFAULT '',
  report_sha256 TEXT REFERENCES attachments(sha256),
  report_name TEXT,
  evaluated_by INTEGER NOT NULL REFERENCES users(id),
  evaluated_at TEXT NOT NULL,
  CHECK (hosted_system_id IS NOT NULL OR request_id IS NOT NULL)
);
CREATE INDEX security_evaluations_system ON security_evaluations(hosted_system_id);
CREATE INDEX security_evaluations_request ON security_evaluations(request_id);

CREATE TABLE hosted_system_links (
  id INTEGER PRIMARY KEY,
  hosted_system_id INTEGER NOT NULL REFERENCES hosted_systems(id),
  request_id INTEGER REFERENCES requests(id),
  letter_id INTEGER NOT NULL REFERENCES letters(id),
  step_id TEXT,
  linked_by INTEGER NOT NULL REFERENCES users(id),
  linked_at TEXT NOT NULL,
  UNIQUE (hosted_system_id, letter_id)
);
CREATE INDEX hosted_system_links_request ON hosted_system_links(request_id);
`,
  },
  {
    version: 4,
    name: 'register dokumen: jenis dokumen dan penomorannya, dokumen, versi, pengesahan',
    sql: `
-- Settings per document type: label and number format (tokens of shared/domain/numbering.ts).
CREATE TABLE document_types (
  key TEXT PRIMARY KEY CHECK (key IN ('laporan_hosting', 'hak_akses_hosting', 'bast', 'surat_pengantar', 'surat_pemberitahuan')),
  label TEXT NOT NULL,
  number_format TEXT NOT NULL DEFAULT '{kode}/{urut:3}/{unit}/{tahun}',
  code TEXT NOT NULL DEFAULT '500.12',
  unit TEXT NOT NULL DEFAULT 'Diskominfo',
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT
);
INSERT INTO document_types (key, label) VALUES
  ('laporan_hosting', 'Laporan pembuatan domain dan hosting'),
  ('hak_akses_hosting', 'Dokumen hak akses hosting'),
  ('bast', 'Berita Acara Serah Terima'),
  ('surat_pengantar', 'Surat pengantar'),
  ('surat_pemberitahuan', 'Surat pemberitahuan');

-- The running number per type and year, taken inside the transaction that issues it.
CREATE TABLE document_counters (
  type TEXT NOT NULL REFERENCES document_types(key),
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (type, year)
);

-- A document keeps the number issued when it was first created, across all its versions.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL REFERENCES document_types(key),
  request_id INTEGER REFERENCES requests(id),
  letter_id INTEGER NOT NULL REFERENCES letters(id),
  hosted_system_id INTEGER REFERENCES hosted_systems(id),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (type, year, seq)
);
CREATE INDEX documents_request ON documents(request_id);
CREATE INDEX documents_letter ON documents(letter_id);
CREATE INDEX documents_number ON documents(number);

-- Versions are immutable; a change makes a new one. content: the JSON the PDF is rendered from
-- (never a password: the access document keeps the sealed password in secret_sealed, sealed by the
-- SecretBox named in secret_box). content_hash: SHA-256 of the canonical content JSON. An approved
-- version is locked; pdf_sha256 is the SHA-256 of its PDF, which is in the file store, except for the
-- access document: its PDF prints the password, so it is kept here sealed (pdf_sealed, pdf_box).
CREATE TABLE document_versions (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  paper TEXT NOT NULL CHECK (paper IN ('A4', 'F4')),
  secret_sealed TEXT,
  secret_box TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  approved_by INTEGER REFERENCES users(id),
  approved_at TEXT,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  pdf_sha256 TEXT,
  pdf_sealed TEXT,
  pdf_box TEXT,
  PRIMARY KEY (document_id, version),
  CHECK ((locked = 1) = (approved_at IS NOT NULL AND pdf_sha256 IS NOT NULL))
);
CREATE INDEX document_versions_pdf ON document_versions(pdf_sha256);
CREATE INDEX document_versions_hash ON document_versions(content_hash);
`,
  },
  {
    version: 5,
    name: 'pindaian: folder pindaian (kotak masuk), teks OCR surat dan pencarian di dalam pindaian',
    sql: `
-- The scan folder the desk watches (one per register; null folder: off).
CREATE TABLE scan_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  folder TEXT,
  polling INTEGER NOT NULL DEFAULT 0 CHECK (polling IN (0, 1)),
  poll_interval_ms INTEGER NOT NULL DEFAULT 2000,
  stable_ms INTEGER NOT NULL DEFAULT 2000,
  after_import TEXT NOT NULL DEFAULT 'keep' CHECK (after_import IN ('keep', 'move')),
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT
);

-- Files that arrived in the scan folder, once per content (sha256).
CREATE TABLE scan_inbox (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE REFERENCES attachments(sha256),
  original_name TEXT NOT NULL,
  source_path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime TEXT NOT NULL,
  arrived_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'attached', 'dismissed')),
  letter_id INTEGER REFERENCES letters(id),
  status_by INTEGER REFERENCES users(id),
  status_at TEXT
);
CREATE INDEX scan_inbox_status ON scan_inbox(status, arrived_at);

-- Every version of a file the watcher has handled (path + size + mtime), so that neither a restart
-- nor a second desk watching the same share reads it again.
CREATE TABLE scan_seen (
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  sha256 TEXT,
  inbox_id INTEGER REFERENCES scan_inbox(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'rejected')),
  reason TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (path, size, mtime_ms)
);

-- Text read by OCR from the first page of a stored file.
CREATE TABLE ocr_texts (
  sha256 TEXT PRIMARY KEY REFERENCES attachments(sha256),
  text TEXT NOT NULL,
  engine TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Words inside a letter's scans, for letters.search (one row per letter and scan).
CREATE VIRTUAL TABLE letter_ocr_fts USING fts5(
  body, letter_id UNINDEXED, sha256 UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO letter_ocr_fts (body, letter_id, sha256)
  SELECT o.text, la.letter_id, o.sha256 FROM ocr_texts o JOIN letter_attachments la ON la.sha256 = o.sha256;

CREATE TRIGGER letter_attachments_scan_insert AFTER INSERT ON letter_attachments BEGIN
  INSERT INTO letter_ocr_fts (body, letter_id, sha256) SELECT o.text, new.letter_id, new.sha256 FROM ocr_texts o WHERE o.sha256 = new.sha256;
  UPDATE scan_inbox SET status = 'attached', letter_id = new.letter_id, status_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE sha256 = new.sha256 AND status <> 'attached';
END;
CREATE TRIGGER letter_attachments_scan_delete AFTER DELETE ON letter_attachments BEGIN
  DELETE FROM letter_ocr_fts WHERE letter_id = old.letter_id AND sha256 = old.sha256;
END;
CREATE TRIGGER ocr_texts_insert AFTER INSERT ON ocr_texts BEGIN
  INSERT INTO letter_ocr_fts (body, letter_id, sha256) SELECT new.text, la.letter_id, new.sha256 FROM letter_attachments la WHERE la.sha256 = new.sha256;
END;
CREATE TRIGGER ocr_texts_update AFTER UPDATE OF text ON ocr_texts BEGIN
  DELETE FROM letter_ocr_fts WHERE sha256 = old.sha256;
  INSERT INTO letter_ocr_fts (body, letter_id, sha256) SELECT new.text, la.letter_id, new.sha256 FROM letter_attachments la WHERE la.sha256 = new.sha256;
END;
`,
  },
  {
    version: 6,
    name: 'pengaduan, kontak pengaduan, standar pelayanan, impor buku agenda; permohonan milik surat atau pengaduan',
    sql: `
-- The office's complaint channels and its Pejabat Pengaduan (printed on the complaint receipt, the
-- standar pelayanan and the hosting-access document). One row, written on the first save.
CREATE TABLE complaint_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  twitter TEXT NOT NULL DEFAULT '',
  instagram TEXT NOT NULL DEFAULT '',
  officer_name TEXT NOT NULL DEFAULT '',
  officer_phone TEXT NOT NULL DEFAULT '',
  number_format TEXT NOT NULL DEFAULT 'ADU/{urut:3}/{tahun}',
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT
);

CREATE TABLE complaint_counters (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('langsung', 'telepon', 'email', 'website', 'twitter', 'instagram')),
  complainant_name TEXT NOT NULL,
  complainant_contact TEXT NOT NULL DEFAULT '',
  opd_id INTEGER REFERENCES opd(id),
  hosted_system_id INTEGER REFERENCES hosted_systems(id),
  -- A letter (and so its request) the complaint is about.
  related_letter_id INTEGER REFERENCES letters(id),
  subject TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX complaints_received ON complaints(received_at);

-- A request now belongs to a letter or to a complaint, exactly one. SQLite cannot change a column
-- in place, so the table is rebuilt with the same ids. Foreign keys are on and cannot be switched
-- off inside the migration's transaction: with defer_foreign_keys the drop counts every row that
-- points at a request (request_events, dispositions, request_roles, hosted_systems, …) as a
-- pending violation, and putting the rows back under the same ids settles each of them again; a
-- row that did not come back would stop the commit.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE requests_v5 AS SELECT * FROM main.requests;
DROP TABLE main.requests;
CREATE TABLE requests (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER UNIQUE REFERENCES letters(id),
  complaint_id INTEGER UNIQUE REFERENCES complaints(id),
  template_id INTEGER NOT NULL REFERENCES sop_templates(id),
  current_step TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('berjalan', 'dijeda', 'selesai', 'dikembalikan')),
  started_at TEXT NOT NULL,
  closed_at TEXT,
  revision INTEGER NOT NULL DEFAULT 1,
  CHECK ((letter_id IS NULL) <> (complaint_id IS NULL))
);
INSERT INTO main.requests (id, letter_id, complaint_id, template_id, current_step, state, started_at, closed_at, revision)
  SELECT id, letter_id, NULL, template_id, current_step, state, started_at, closed_at, revision FROM temp.requests_v5 ORDER BY id;
DROP TABLE temp.requests_v5;
CREATE INDEX requests_open ON requests(state, current_step);
PRAGMA defer_foreign_keys = OFF;

-- Standar pelayanan: what the office writes per service (the procedure and the time come from the SOP).
CREATE TABLE service_standards (
  service TEXT PRIMARY KEY CHECK (service IN ('hosting', 'subdomain', 'website', 'lainnya')),
  requirements TEXT NOT NULL DEFAULT '[]',
  fee TEXT NOT NULL DEFAULT '',
  product TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES users(id),
  updated_at TEXT
);
INSERT INTO service_standards (service, requirements, fee, product) VALUES
  ('hosting', '["Surat permohonan hosting dari Kepala Perangkat Daerah pemohon","Nama subdomain yang dimohon","Berkas aplikasi yang akan dihosting"]',
   'Tidak dipungut biaya (gratis)', 'Pelayanan hosting: dokumen hak akses hosting (subdomain, alamat IP, login web panel)'),
  ('subdomain', '["Surat permohonan subdomain dari Kepala Perangkat Daerah pemohon","Nama subdomain yang dimohon"]',
   'Tidak dipungut biaya (gratis)', 'Subdomain dan hak akses web panel'),
  ('website', '["Surat permohonan pembuatan situs web dari Kepala Perangkat Daerah pemohon","Bahan isi situs web (profil, logo, konten)"]',
   'Tidak dipungut biaya (gratis)', 'Situs web pada subdomain, pelatihan admin, dan Berita Acara Serah Terima'),
  ('lainnya', '["Surat permohonan dari Kepala Perangkat Daerah pemohon"]', 'Tidak dipungut biaya (gratis)', '');

-- One import of a legacy agenda book or OPD list: the letters it wrote point to it.
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('agenda', 'opd')),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_by INTEGER NOT NULL REFERENCES users(id),
  imported_at TEXT NOT NULL
);
ALTER TABLE letters ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
`,
  },
  {
    version: 7,
    name: 'beberapa meja di LAN: meja berpasangan, kode pemasangan, kunci idempotensi, percobaan masuk, meja di log audit',
    sql: `
-- Settings of this register's host (LAN listener, session limits), as JSON values by key.
CREATE TABLE host_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Desks paired with this host over the LAN. Only a hash of the desk's secret is kept.
CREATE TABLE lan_desks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  paired_at TEXT NOT NULL,
  paired_by INTEGER REFERENCES users(id),
  last_seen_at TEXT,
  last_address TEXT,
  revoked_at TEXT,
  revoked_by INTEGER REFERENCES users(id)
);

-- One-time pairing codes (hash only), valid for a few minutes.
CREATE TABLE lan_pairing_codes (
  code_hash TEXT PRIMARY KEY,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  desk_id TEXT REFERENCES lan_desks(id)
);

-- The result of a mutating call, by the idempotency key the desk sent with it, written in the
-- same transaction as the change: a retry with the same key gets the stored result.
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  call TEXT NOT NULL,
  desk_id TEXT,
  user_id INTEGER,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);

-- Failed logins per user name and desk, for the limit on attempts.
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

-- The desk a session was opened from (NULL: on the host itself); a token is valid only there.
ALTER TABLE sessions ADD COLUMN desk_id TEXT;

-- The desk that made a change (NULL: on the host itself). Part of the row's hash when set.
ALTER TABLE audit_log ADD COLUMN desk_id TEXT;
`,
  },
  {
    version: 8,
    name: 'pencarian buku agenda dalam urutan agenda: indeks teks menurut tahun dan nomor urut, indeks saringan sifat, layanan, status',
    sql: `
-- The full-text index of the agenda book keyed by the agenda order itself (year × 10,000,000 + seq)
-- instead of the letter's id, so a search reads its first page straight from the index, newest
-- first, and stops (ORDER BY rowid DESC LIMIT n) instead of collecting and sorting every match:
-- ids are not in agenda order (a letter received in December and registered in January, a legacy
-- agenda book imported later). Prefix indexes of 2 and 3 characters make a word still being typed
-- cheap. See README "Benchmark".
DROP TRIGGER letters_fts_insert;
DROP TRIGGER letters_fts_delete;
DROP TRIGGER letters_fts_update;
DROP TABLE letters_fts;
CREATE VIEW letters_fts_content AS
  SELECT year * 10000000 + seq AS agenda_key, agenda_number, sender_name, letter_number, subject, summary FROM letters;
CREATE VIRTUAL TABLE letters_fts USING fts5(
  agenda_number, sender_name, letter_number, subject, summary,
  content = 'letters_fts_content', content_rowid = 'agenda_key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN
  INSERT INTO letters_fts(rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES (new.year * 10000000 + new.seq, new.agenda_number, new.sender_name, new.letter_number, new.subject, new.summary);
END;
CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters BEGIN
  INSERT INTO letters_fts(letters_fts, rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES ('delete', old.year * 10000000 + old.seq, old.agenda_number, old.sender_name, old.letter_number, old.subject, old.summary);
END;
CREATE TRIGGER letters_fts_update AFTER UPDATE OF year, seq, agenda_number, sender_name, letter_number, subject, summary ON letters BEGIN
  INSERT INTO letters_fts(letters_fts, rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES ('delete', old.year * 10000000 + old.seq, old.agenda_number, old.sender_name, old.letter_number, old.subject, old.summary);
  INSERT INTO letters_fts(rowid, agenda_number, sender_name, letter_number, subject, summary)
  VALUES (new.year * 10000000 + new.seq, new.agenda_number, new.sender_name, new.letter_number, new.subject, new.summary);
END;
INSERT INTO letters_fts(letters_fts) VALUES ('rebuild');
-- The key needs seq below 10,000,000 (an agenda book numbers far fewer letters in a year).
CREATE TRIGGER letters_seq_range BEFORE INSERT ON letters WHEN new.seq < 1 OR new.seq >= 10000000 BEGIN
  SELECT RAISE(ABORT, 'Nomor urut agenda harus antara 1 dan 9.999.999.');
END;

-- The agenda book's filters (sifat, layanan, status) in agenda order: a filtered page is read from
-- the index, and a search joins a match to its letter through the index alone.
CREATE INDEX letters_status_order ON letters(status, year, seq);
CREATE INDEX letters_service_order ON letters(service, year, seq);
CREATE INDEX letters_nature_order ON letters(nature, year, seq);
`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
