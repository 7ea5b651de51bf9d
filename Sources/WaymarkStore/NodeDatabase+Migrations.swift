import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// The store's schema, as the migrations that built it, oldest first.
extension NodeDatabase {
    /// Schema migrations. Never edit a migration once it has shipped; add a new one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: node settings, HSDS records, service documents, full-text index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE node_setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE record (
                        tbl TEXT NOT NULL,
                        id TEXT NOT NULL,
                        publisher TEXT NOT NULL,
                        body TEXT NOT NULL,
                        stored_at TEXT NOT NULL,
                        PRIMARY KEY (tbl, id)
                    ) WITHOUT ROWID;
                    CREATE TABLE record_link (
                        tbl TEXT NOT NULL,
                        id TEXT NOT NULL,
                        field TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (tbl, id, field)
                    ) WITHOUT ROWID;
                    CREATE INDEX record_link_by_value ON record_link (value, tbl, field);
                    CREATE TABLE service_doc (
                        rowid INTEGER PRIMARY KEY,
                        service_id TEXT NOT NULL UNIQUE,
                        last_modified TEXT NOT NULL,
                        list_json TEXT NOT NULL
                    );
                    CREATE TABLE service_full (rowid INTEGER PRIMARY KEY, full_json TEXT NOT NULL);
                    CREATE VIRTUAL TABLE service_fts USING fts5(
                        name, alternate_name, description, categories, organization, extra,
                        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
                    );
                    CREATE VIRTUAL TABLE service_fts_vocab USING fts5vocab(service_fts, 'row');
                    """)
        }
        m.registerMigration("v2: suggested corrections from residents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE correction (
                        id INTEGER PRIMARY KEY,
                        service_id TEXT NOT NULL,
                        organization_id TEXT,
                        field TEXT NOT NULL,
                        message TEXT NOT NULL,
                        contact TEXT,
                        created_at TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'new'
                    );
                    CREATE INDEX correction_by_service ON correction (service_id);
                    """)
        }
        m.registerMigration("v3: signed envelopes, heads, forks, pending envelopes, known nodes, peers, rejections") { db in
            try db.execute(
                sql: """
                    CREATE TABLE envelope (
                        seq INTEGER PRIMARY KEY,
                        id BLOB NOT NULL UNIQUE,
                        clock INTEGER NOT NULL,
                        author BLOB NOT NULL,
                        sequence INTEGER NOT NULL,
                        kind INTEGER NOT NULL,
                        scope TEXT NOT NULL,
                        row_table TEXT,
                        row_id TEXT,
                        wire BLOB NOT NULL,
                        received_at INTEGER NOT NULL
                    );
                    CREATE INDEX envelope_by_order ON envelope (clock, id);
                    CREATE INDEX envelope_by_author ON envelope (author, sequence);
                    CREATE INDEX envelope_by_row ON envelope (row_table, row_id) WHERE row_table IS NOT NULL;
                    CREATE TABLE envelope_head (id BLOB PRIMARY KEY NOT NULL) WITHOUT ROWID;
                    CREATE TABLE fork (
                        author BLOB NOT NULL, sequence INTEGER NOT NULL, id BLOB NOT NULL, detected_at INTEGER NOT NULL,
                        PRIMARY KEY (author, sequence, id)
                    ) WITHOUT ROWID;
                    CREATE TABLE pending_envelope (
                        id BLOB PRIMARY KEY NOT NULL, wire BLOB NOT NULL, missing BLOB NOT NULL, peer TEXT NOT NULL, received_at INTEGER NOT NULL
                    );
                    CREATE TABLE known_node (
                        author BLOB PRIMARY KEY NOT NULL,
                        organization_id TEXT NOT NULL,
                        organization_name TEXT NOT NULL,
                        url TEXT NOT NULL,
                        encryption_key BLOB NOT NULL,
                        clock INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE peer (
                        url TEXT PRIMARY KEY NOT NULL,
                        author BLOB,
                        source TEXT NOT NULL,
                        added_at INTEGER NOT NULL,
                        last_attempt INTEGER,
                        last_success INTEGER,
                        last_error TEXT,
                        failures INTEGER NOT NULL DEFAULT 0,
                        next_attempt INTEGER NOT NULL DEFAULT 0,
                        envelopes_in INTEGER NOT NULL DEFAULT 0,
                        envelopes_out INTEGER NOT NULL DEFAULT 0,
                        bytes_in INTEGER NOT NULL DEFAULT 0,
                        bytes_out INTEGER NOT NULL DEFAULT 0,
                        rejections INTEGER NOT NULL DEFAULT 0,
                        sessions INTEGER NOT NULL DEFAULT 0,
                        last_rounds INTEGER NOT NULL DEFAULT 0
                    ) WITHOUT ROWID;
                    CREATE TABLE rejection (
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL,
                        peer TEXT NOT NULL,
                        envelope_id BLOB,
                        author BLOB,
                        reason TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    """)
        }
        m.registerMigration("v4: rows whose service documents are out of date") { db in
            try db.execute(sql: "CREATE TABLE dirty_row (tbl TEXT NOT NULL, id TEXT NOT NULL, old_body TEXT, PRIMARY KEY (tbl, id)) WITHOUT ROWID")
        }
        m.registerMigration("v5: indexes for node records and held-back envelopes; what each held-back envelope waits for") { db in
            try db.execute(
                sql: """
                    CREATE INDEX envelope_by_kind ON envelope (author, kind, clock);
                    CREATE INDEX pending_by_peer ON pending_envelope (peer);
                    CREATE TABLE pending_dependency (dependency BLOB NOT NULL, id BLOB NOT NULL, PRIMARY KEY (dependency, id)) WITHOUT ROWID;
                    CREATE INDEX pending_dependency_by_id ON pending_dependency (id);
                    """)
        }
        m.registerMigration("v6: rows by id alone") { db in
            try db.execute(sql: "CREATE INDEX record_by_id ON record (id)")
        }
        m.registerMigration("v7: node records found through a partial index, not an index over every envelope") { db in
            try db.execute(
                sql: """
                    DROP INDEX envelope_by_kind;
                    CREATE INDEX envelope_node_record ON envelope (author, clock) WHERE kind = 1;
                    """)
        }
        m.registerMigration("v8: staff accounts, login sessions, the audit log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE staff_user (
                        id INTEGER PRIMARY KEY,
                        username TEXT NOT NULL UNIQUE,
                        display_name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker')),
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failed_logins INTEGER NOT NULL DEFAULT 0,
                        locked_until INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE staff_session (
                        token_digest TEXT PRIMARY KEY NOT NULL,
                        user_id INTEGER NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
                        csrf TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        last_seen INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX staff_session_by_user ON staff_session (user_id);
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL,
                        username TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    """)
        }
        m.registerMigration("v9: clients, encrypted at rest under keys of their own") { db in
            try db.execute(
                sql: """
                    CREATE TABLE client (
                        id TEXT PRIMARY KEY NOT NULL,
                        circle TEXT NOT NULL UNIQUE,
                        sealed BLOB NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE client_key (client_id TEXT PRIMARY KEY NOT NULL, wrapped BLOB NOT NULL) WITHOUT ROWID;
                    """)
        }
        m.registerMigration("v10: private envelopes found by circle") { db in
            try db.execute(sql: "CREATE INDEX envelope_by_circle ON envelope (scope, kind, clock) WHERE scope <> 'public'")
        }
        m.registerMigration("v11: private envelopes by kind (a node's incoming referrals)") { db in
            try db.execute(sql: "CREATE INDEX envelope_private_by_kind ON envelope (kind, clock) WHERE scope <> 'public'")
        }
        m.registerMigration("v12: erased circles (crypto-shredding) and their acknowledgements") { db in
            try db.execute(
                sql: """
                    CREATE TABLE erased_circle (
                        circle TEXT PRIMARY KEY NOT NULL, erasure BLOB NOT NULL, erased_at INTEGER NOT NULL, acknowledged INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        m.registerMigration("v13: row links in one tree, keyed by the value they link to") { db in
            // Links are only ever searched by value; a row's own links are found from its body when
            // it changes, so the second tree over (tbl, id) that every insert also paid for is gone.
            try db.execute(
                sql: """
                    CREATE TABLE record_link_by_value_first (
                        value TEXT NOT NULL,
                        tbl TEXT NOT NULL,
                        field TEXT NOT NULL,
                        id TEXT NOT NULL,
                        PRIMARY KEY (value, tbl, field, id)
                    ) WITHOUT ROWID;
                    INSERT INTO record_link_by_value_first (value, tbl, field, id) SELECT value, tbl, field, id FROM record_link;
                    DROP TABLE record_link;
                    ALTER TABLE record_link_by_value_first RENAME TO record_link;
                    """)
        }
        m.registerMigration("v14: no index of rows by id alone") { db in
            // Its one user, the rare look-up of a parent row whose table is not the one its foreign
            // key names, now seeks the (tbl, id) key once per table instead; every stored row saves an index entry.
            try db.execute(sql: "DROP INDEX record_by_id")
        }
        m.registerMigration("v15: visible rows in a rowid table") { db in
            // A row's body is a few hundred bytes: in a table keyed by (tbl, id) every new row was
            // inserted into the middle of the big tree, splitting pages full of bodies. SQLite's advice
            // (https://sqlite.org/withoutrowid.html, §4) is a rowid table for rows over about a
            // twentieth of a page; bodies are now appended, and only the small (tbl, id) index is a tree insert.
            try db.execute(
                sql: """
                    CREATE TABLE record_with_rowid (
                        tbl TEXT NOT NULL,
                        id TEXT NOT NULL,
                        publisher TEXT NOT NULL,
                        body TEXT NOT NULL,
                        stored_at TEXT NOT NULL,
                        UNIQUE (tbl, id)
                    );
                    INSERT INTO record_with_rowid (tbl, id, publisher, body, stored_at) SELECT tbl, id, publisher, body, stored_at FROM record;
                    DROP TABLE record;
                    ALTER TABLE record_with_rowid RENAME TO record;
                    """)
        }
        m.registerMigration("v16: membership (founders, vouches, removals)") { db in
            try db.execute(
                sql: """
                    CREATE TABLE federation_founder (key BLOB PRIMARY KEY NOT NULL) WITHOUT ROWID;
                    CREATE TABLE member_vouch (
                        id BLOB PRIMARY KEY NOT NULL, member BLOB NOT NULL, voucher BLOB NOT NULL,
                        organization_name TEXT NOT NULL, roles TEXT NOT NULL, clock INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE member_removal (
                        id BLOB PRIMARY KEY NOT NULL, member BLOB NOT NULL, author BLOB NOT NULL, reason TEXT NOT NULL, clock INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX envelope_rows_by_author ON envelope (author, row_table, row_id) WHERE row_table IS NOT NULL;
                    """)
            // Founders are never guessed from what a node happens to hold (nodes would disagree, and a
            // stranger's stored envelopes would make it a founder): an upgraded node belongs to no
            // federation until its admin founds one or joins one with an invite. Membership records an
            // older version stored unread (as unknown kinds) are read now.
            for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM envelope WHERE kind IN (4, 5)") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let payload = e.payload else { continue }
                if e.header.kind == .memberVouch, let v = try? Membership.Vouch.decode(payload) {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO member_vouch (id, member, voucher, organization_name, roles, clock) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [row["id"] as Data, Data(v.member), Data(e.header.author), v.organizationName, v.roles.joined(separator: " "),
                                    Int64(bitPattern: e.header.clock)])
                } else if e.header.kind == .memberRemoval, let r = try? Membership.Removal.decode(payload) {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO member_removal (id, member, author, reason, clock) VALUES (?, ?, ?, ?, ?)",
                        arguments: [row["id"] as Data, Data(r.member), Data(e.header.author), r.reason, Int64(bitPattern: e.header.clock)])
                }
            }
        }
        m.registerMigration("v17: held-back envelopes found by circle and by author") { db in
            // An erasure strips held-back envelopes of its circle by an index look-up instead of
            // decoding every held-back envelope, and the queue is shared out per author.
            try db.execute(
                sql: """
                    ALTER TABLE pending_envelope ADD COLUMN scope TEXT NOT NULL DEFAULT '';
                    ALTER TABLE pending_envelope ADD COLUMN author BLOB NOT NULL DEFAULT x'';
                    CREATE INDEX pending_by_scope ON pending_envelope (scope);
                    CREATE INDEX pending_by_author ON pending_envelope (author);
                    """)
            for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM pending_envelope") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { continue }
                try db.execute(
                    sql: "UPDATE pending_envelope SET scope = ?, author = ? WHERE id = ?",
                    arguments: [e.header.scope, Data(e.header.author), row["id"] as Data])
            }
        }
        m.registerMigration("v18: the circles each organisation is a recipient in") { db in
            // Staff pages (the referral inbox, the caseload) read only the circles where this node
            // is named as a recipient, instead of trying every private envelope the node relays (a
            // member's flood of made-up circles made the staff home take seconds).
            try db.execute(
                sql: "CREATE TABLE circle_recipient (key_id BLOB NOT NULL, circle TEXT NOT NULL, PRIMARY KEY (key_id, circle)) WITHOUT ROWID")
            // Private kinds are 16...19 (§8).
            let rows = try Row.fetchCursor(db, sql: "SELECT wire FROM envelope WHERE kind BETWEEN 16 AND 19")
            var pairs = Set<[UInt8]>()
            while let row = try rows.next() {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { continue }
                for r in e.header.recipients where pairs.insert(r.keyID + Array(e.header.scope.utf8)).inserted {
                    try db.execute(sql: "INSERT OR IGNORE INTO circle_recipient (key_id, circle) VALUES (?, ?)", arguments: [Data(r.keyID), e.header.scope])
                }
            }
        }
        m.registerMigration("v19: the journey index (referral states and consent ends of the circles this node is in)") { db in
            try Self.createJourneyIndex(db)
        }
        m.registerMigration("v20: who dealt with a suggested correction, and when") { db in
            try db.execute(sql: "ALTER TABLE correction ADD COLUMN handled_by TEXT")
            try db.execute(sql: "ALTER TABLE correction ADD COLUMN handled_at INTEGER")
        }
        m.registerMigration("v21: what each author's stored envelopes cost (the storage quota per author)") { db in
            try db.execute(
                sql: """
                    CREATE TABLE author_usage (author BLOB PRIMARY KEY NOT NULL, cost INTEGER NOT NULL, envelopes INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO author_usage (author, cost, envelopes)
                        SELECT author, sum(length(wire)) + count(*) * \(AdmissionLimits.perEnvelopeCost), count(*) FROM envelope GROUP BY author;
                    """)
        }
        m.registerMigration("v22: the full-text index without the languages services are offered in") { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM service_doc") ?? 0 > 0 {
                _ = try NodeDatabase.rebuildDerived(db)
                try NodeDatabase.setSetting(db, "directory_version", String(try NodeDatabase.directoryVersion(db) + 1))
            }
        }
        m.registerMigration("v23: suggestions that travel to the listing's publisher, with a code for the resident") { db in
            try db.execute(
                sql: """
                    ALTER TABLE correction ADD COLUMN code TEXT;
                    ALTER TABLE correction ADD COLUMN thread TEXT;
                    ALTER TABLE correction ADD COLUMN envelope BLOB;
                    ALTER TABLE correction ADD COLUMN publisher BLOB;
                    ALTER TABLE correction ADD COLUMN origin BLOB;
                    ALTER TABLE correction ADD COLUMN reason TEXT;
                    CREATE UNIQUE INDEX correction_by_code ON correction (code) WHERE code IS NOT NULL;
                    CREATE UNIQUE INDEX correction_by_envelope ON correction (envelope) WHERE envelope IS NOT NULL;
                    CREATE INDEX envelope_suggestion ON envelope (scope) WHERE kind = 22;
                    CREATE INDEX envelope_suggestion_answer ON envelope (scope) WHERE kind = 23;
                    """)
        }
        m.registerMigration("v24: local champions' checks of listings, and the champion role") { db in
            try db.execute(
                sql: """
                    CREATE TABLE listing_check (
                        envelope BLOB PRIMARY KEY NOT NULL, service_id TEXT NOT NULL, checked_on TEXT NOT NULL, champion TEXT NOT NULL, note TEXT,
                        author BLOB NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX listing_check_by_service ON listing_check (service_id, checked_on);
                    CREATE INDEX listing_check_by_day ON listing_check (checked_on);
                    """)
            // Staff accounts may be local champions: the role's CHECK is widened (SQLite rebuilds the table).
            try db.execute(
                sql: """
                    CREATE TABLE staff_user_new (
                        id INTEGER PRIMARY KEY,
                        username TEXT NOT NULL UNIQUE,
                        display_name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'champion')),
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failed_logins INTEGER NOT NULL DEFAULT 0,
                        locked_until INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL
                    );
                    INSERT INTO staff_user_new SELECT id, username, display_name, role, password_hash, disabled, failed_logins, locked_until, created_at
                        FROM staff_user;
                    DROP TABLE staff_user;
                    ALTER TABLE staff_user_new RENAME TO staff_user;
                    """)
            // Checks a node stored as an unknown kind before it knew them.
            for row in try Row.fetchAll(db, sql: "SELECT id, author, wire FROM envelope WHERE kind = 24") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { continue }
                try NodeDatabase.storeListingCheck(db, id: [UInt8](row["id"] as Data), author: [UInt8](row["author"] as Data), payload: e.payload)
            }
        }
        m.registerMigration("v25: what residents wrote in suggestions, sealed at rest") { db in
            try db.execute(sql: "ALTER TABLE correction ADD COLUMN sealed BLOB")
        }
        m.registerMigration("v26: what the hub released: noised cells and why the others were withheld") { db in
            try db.execute(
                sql: """
                    CREATE TABLE hub_release (
                        period TEXT NOT NULL, cell TEXT NOT NULL, family TEXT NOT NULL, labels TEXT NOT NULL, value INTEGER, withheld TEXT,
                        organisations INTEGER NOT NULL, epsilon REAL NOT NULL, PRIMARY KEY (period, cell)
                    ) WITHOUT ROWID;
                    CREATE INDEX envelope_statistics ON envelope (scope) WHERE kind = 25;
                    """)
        }
        m.registerMigration("v27: contacts left on suggestions are forgotten a while after the answer") { db in
            try db.execute(sql: "ALTER TABLE correction ADD COLUMN contact_gone INTEGER NOT NULL DEFAULT 0")
        }
        m.registerMigration("v28: consent records already looked at for a client's signature to acknowledge") { db in
            try db.execute(sql: "CREATE TABLE consent_checked (id BLOB PRIMARY KEY NOT NULL) WITHOUT ROWID")
        }
        m.registerMigration("v29: what the organisation changed because of what clients said") { db in
            try db.execute(sql: "CREATE TABLE feedback_change (id INTEGER PRIMARY KEY, noted_on TEXT NOT NULL, text TEXT NOT NULL, username TEXT NOT NULL)")
        }
        m.registerMigration("v30: case notes, sealed under each client's key") { db in
            try db.execute(
                sql: """
                    CREATE TABLE case_note (
                        id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, sealed BLOB NOT NULL, noted_at INTEGER NOT NULL,
                        username TEXT NOT NULL, supersedes INTEGER);
                    CREATE INDEX case_note_by_client ON case_note (client_id, id);
                    """)
        }
        m.registerMigration("v31: tasks with due dates, and each client's key worker") { db in
            try db.execute(
                sql: """
                    CREATE TABLE task (
                        id INTEGER PRIMARY KEY, client_id TEXT, referral TEXT, circle TEXT, sealed BLOB NOT NULL, due_on TEXT NOT NULL,
                        assignee TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL, done_at INTEGER, done_by TEXT);
                    CREATE INDEX task_open_by_assignee ON task (assignee, due_on) WHERE done_at IS NULL;
                    CREATE INDEX task_by_client ON task (client_id);
                    CREATE INDEX task_by_circle ON task (circle);
                    ALTER TABLE client ADD COLUMN worker TEXT;
                    """)
        }
        m.registerMigration("v32: messages on referrals that arrived from the other side, and whether anyone here has read them") { db in
            try db.execute(
                sql: """
                    CREATE TABLE referral_message_seen (
                        id TEXT PRIMARY KEY NOT NULL, referral TEXT NOT NULL, author TEXT NOT NULL, at INTEGER NOT NULL, read_at INTEGER,
                        mailed INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
                    CREATE INDEX referral_message_unread ON referral_message_seen (referral) WHERE read_at IS NULL;
                    """)
        }
        m.registerMigration("v33: email notifications: each member of staff's own address and choices, and the outbox") { db in
            try db.execute(
                sql: """
                    ALTER TABLE staff_user ADD COLUMN email TEXT;
                    ALTER TABLE staff_user ADD COLUMN notify TEXT NOT NULL DEFAULT '';
                    ALTER TABLE staff_user ADD COLUMN notify_lang TEXT NOT NULL DEFAULT 'en';
                    ALTER TABLE staff_user ADD COLUMN notify_since INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE mail_outbox (
                        id INTEGER PRIMARY KEY, dedupe TEXT NOT NULL UNIQUE, recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
                        created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_try INTEGER NOT NULL DEFAULT 0,
                        sent_at INTEGER);
                    CREATE INDEX mail_outbox_waiting ON mail_outbox (next_try) WHERE sent_at IS NULL;
                    """)
        }
        m.registerMigration("v34: files kept with a client's record, sealed under the client's key") { db in
            try db.execute(
                sql: """
                    CREATE TABLE attachment (
                        id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, sealed_name BLOB NOT NULL, sealed BLOB NOT NULL, type TEXT NOT NULL,
                        size INTEGER NOT NULL, added_at INTEGER NOT NULL, username TEXT NOT NULL);
                    CREATE INDEX attachment_by_client ON attachment (client_id, id);
                    """)
        }
        m.registerMigration("v35: the key that signs each author's next envelope, once a key hand-over names a new one") { db in
            // NULL: the author's own key (every envelope before hand-overs existed).
            try db.execute(sql: "ALTER TABLE envelope ADD COLUMN next_signer BLOB")
        }
        m.registerMigration("v36: the hub's planners: the staff role's CHECK widened (SQLite rebuilds the table)") { db in
            try db.execute(
                sql: """
                    CREATE TABLE staff_user_new (
                        id INTEGER PRIMARY KEY,
                        username TEXT NOT NULL UNIQUE,
                        display_name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'champion', 'planner')),
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failed_logins INTEGER NOT NULL DEFAULT 0,
                        locked_until INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL,
                        email TEXT,
                        notify TEXT NOT NULL DEFAULT '',
                        notify_lang TEXT NOT NULL DEFAULT 'en',
                        notify_since INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO staff_user_new (id, username, display_name, role, password_hash, disabled, failed_logins, locked_until, created_at,
                        email, notify, notify_lang, notify_since)
                        SELECT id, username, display_name, role, password_hash, disabled, failed_logins, locked_until, created_at,
                        email, notify, notify_lang, notify_since FROM staff_user;
                    DROP TABLE staff_user;
                    ALTER TABLE staff_user_new RENAME TO staff_user;
                    """)
        }
        m.registerMigration("v37: an author's key hand-overs found without reading its whole chain (the key in force, on every sync request)") { db in
            try db.execute(sql: "CREATE INDEX envelope_handover ON envelope (author, seq) WHERE kind = 6")
        }
        m.registerMigration("v38: every token of the full-text index, for the search index held in memory") { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE service_fts_instance USING fts5vocab(service_fts, 'instance')")
        }
        m.registerMigration("v39: a stored consent, referral or status change marks its circle from the code that stores it, not a trigger") { db in
            // A trigger on `envelope` made every insert into it keep a statement journal (SQLite
            // copies each page an insert touches, about six, in case a trigger aborts): a tenth of
            // the writer's time in an ingest (BENCHMARKS.md). `store` marks the circle itself.
            try db.execute(sql: "DROP TRIGGER journey_dirty_on_insert")
        }
        m.registerMigration("v40: the full-text index's per-word row counts, read by nothing since search is held in memory") { db in
            try db.execute(sql: "DROP TABLE IF EXISTS service_fts_vocab")
        }
        m.registerMigration("v41: the shares the hub checked, which its release adds and no other") { db in
            try db.execute(
                sql: "CREATE TABLE hub_checked (period TEXT NOT NULL, node BLOB NOT NULL, envelope BLOB NOT NULL, PRIMARY KEY (period, node)) WITHOUT ROWID")
        }
        m.registerMigration("v42: sealed private records (§8.10): each one's erasure tag, and what this node read inside those it can open") { db in
            // `opened` 0: not tried with this node's keys yet; 1: tried. `circle`, `kind`, `tag_key`
            // and `recipients` (the real recipients' key ids, 8 bytes each) only where it opened.
            try db.execute(
                sql: """
                    CREATE TABLE sealed_envelope (
                        id BLOB PRIMARY KEY, tag BLOB NOT NULL, opened INTEGER NOT NULL DEFAULT 0,
                        circle TEXT, kind INTEGER, tag_key BLOB, recipients BLOB) WITHOUT ROWID
                    """)
            try db.execute(sql: "CREATE INDEX sealed_by_circle ON sealed_envelope (circle, kind) WHERE circle IS NOT NULL")
            try db.execute(sql: "CREATE INDEX sealed_unopened ON sealed_envelope (opened) WHERE opened = 0")
            // The erasure's tag keys, 16 bytes each, one after another.
            try db.execute(sql: "ALTER TABLE erased_circle ADD COLUMN tag_keys BLOB")
        }
        m.registerMigration("v43: sealed records and erasures a node of an earlier version stored without reading them") { db in
            // Kind 40 was a kind it did not know: it stored such envelopes and noted nothing.
            for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM envelope WHERE kind = 40") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let tag = e.header.erasureTag else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO sealed_envelope (id, tag) VALUES (?, ?)", arguments: [row["id"] as Data, Data(tag)])
            }
            // Its erasures erased the circle's unsealed records only: their tag secrets are read now
            // (what they explain is stripped by v45, which finds records by their tags).
            for row in try Row.fetchAll(
                db, sql: "SELECT c.circle, e.wire FROM erased_circle c JOIN envelope e ON e.id = c.erasure WHERE c.tag_keys IS NULL")
            {
                let circle: String = row["circle"]
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let p = e.payload,
                    case .erasure(let x)? = try? JourneyPayload.decode(p, kind: .erasure), let secret = x.tagSecret
                else { continue }
                try db.execute(
                    sql: "UPDATE erased_circle SET tag_keys = ? WHERE circle = ?", arguments: [Data(SealedEnvelope.tagKey(secret: secret, circle: circle)), circle])
            }
        }
        m.registerMigration("v44: each circle's owner's tag key, kept as the owner's first sealed record is noted") { db in
            // Found by one look-up when a record is noted, instead of reading the circle's noted
            // records each time (which made taking in a circle's records quadratic).
            try db.execute(sql: "CREATE TABLE circle_tag_key (circle TEXT PRIMARY KEY NOT NULL, tag_key BLOB NOT NULL) WITHOUT ROWID")
            for row in try Row.fetchAll(
                db, sql: "SELECT s.circle, s.tag_key, e.author FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.circle IS NOT NULL ORDER BY e.clock, e.id")
            {
                guard let circle = Circle(scope: row["circle"] as String), circle.isOwned(by: [UInt8](row["author"] as Data)) else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO circle_tag_key (circle, tag_key) VALUES (?, ?)", arguments: [circle.scope, row["tag_key"] as Data])
            }
        }
        m.registerMigration("v45: erasure tags over each author's index in the circle, found by look-up (§8.10)") { db in
            // Each sealed record's index, read in its frame where this node opened it.
            try db.execute(sql: "ALTER TABLE sealed_envelope ADD COLUMN idx INTEGER")
            try db.execute(sql: "CREATE INDEX sealed_by_tag ON sealed_envelope (tag)")
            try db.execute(sql: "ALTER TABLE pending_envelope ADD COLUMN tag BLOB")
            try db.execute(sql: "CREATE INDEX pending_by_tag ON pending_envelope (tag) WHERE tag IS NOT NULL")
            // The tags held erasures explain: each author's records found in the circle, and its next index.
            // (With the erasure's tag key, which gives the next index's tag: some 40 bytes a row.)
            try db.execute(sql: "CREATE TABLE erased_tag (tag BLOB PRIMARY KEY NOT NULL, tag_key BLOB NOT NULL, idx INTEGER NOT NULL) WITHOUT ROWID")
            try db.execute(sql: "CREATE TABLE sealed_author (author BLOB PRIMARY KEY NOT NULL) WITHOUT ROWID")
            // For each tag key and author whose records this node noted, the first index not held
            // when last looked (a record is noted only if every index before it is held).
            try db.execute(
                sql: "CREATE TABLE sealed_walk (tag_key BLOB NOT NULL, author BLOB NOT NULL, next INTEGER NOT NULL, PRIMARY KEY (tag_key, author)) WITHOUT ROWID")
            // The next index of this node's own sealed records in each circle, counted as it writes.
            try db.execute(
                sql: "CREATE TABLE sealed_index (circle TEXT NOT NULL, author BLOB NOT NULL, next INTEGER NOT NULL, PRIMARY KEY (circle, author)) WITHOUT ROWID")
            try db.execute(sql: "INSERT OR IGNORE INTO sealed_author (author) SELECT DISTINCT author FROM envelope WHERE kind = 40")
            for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM pending_envelope WHERE scope = 'sealed'") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), e.header.kind == .sealed, let tag = e.header.erasureTag else { continue }
                try db.execute(sql: "UPDATE pending_envelope SET tag = ? WHERE id = ?", arguments: [Data(tag), row["id"] as Data])
                try db.execute(sql: "INSERT OR IGNORE INTO sealed_author (author) VALUES (?)", arguments: [Data(e.header.author)])
            }
            // What a frame says is read again (indexes included) by the node's keys at its next start.
            try db.execute(sql: "UPDATE sealed_envelope SET opened = 0, circle = NULL, kind = NULL, tag_key = NULL, recipients = NULL")
            try db.execute(sql: "DELETE FROM circle_tag_key")
            // Every erasure held strips what it explains, and explains what is to come.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            for circle in try String.fetchAll(db, sql: "SELECT circle FROM erased_circle WHERE tag_keys IS NOT NULL") {
                try NodeDatabase.stripSealed(db, circle: circle, tagKeys: try NodeDatabase.erasedTagKeys(db, circle: circle))
            }
            try db.execute(sql: "PRAGMA secure_delete = OFF")
        }
        return m
    }
}
