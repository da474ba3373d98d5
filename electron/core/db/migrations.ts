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
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
