namespace Carve.Core.State;

/// <summary>Schema steps in order; PRAGMA user_version counts how many ran. Never edit a step that has shipped: add one.</summary>
public static class Migrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE guests (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            config TEXT NOT NULL,
            template INTEGER NOT NULL DEFAULT 0,
            lock TEXT NULL,
            lock_task TEXT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            guest_id INTEGER NULL,
            guest_name TEXT NULL,
            user TEXT NOT NULL,
            status TEXT NOT NULL,
            progress INTEGER NOT NULL DEFAULT 0,
            error TEXT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT NULL,
            finished_at TEXT NULL
        );
        CREATE INDEX tasks_created ON tasks(created_at);
        CREATE TABLE task_log (
            task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            time TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (task_id, seq)
        );
        CREATE TABLE tokens (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id_hash TEXT PRIMARY KEY,
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            csrf TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """,
        """
        -- issue 8: PCI devices bound to vfio-pci for a VM, with the driver each had before, so a crashed daemon can give them back
        CREATE TABLE pci_assignments (
            address TEXT PRIMARY KEY,
            guest_id INTEGER NOT NULL,
            original_driver TEXT NULL,
            assigned_at TEXT NOT NULL
        )
        """,
        """
        -- issue 6: networks (nat, bridge); guests' NICs stay in their config JSON
        CREATE TABLE networks (
            name TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            bridge TEXT NOT NULL UNIQUE,
            subnet TEXT NULL,
            uplink TEXT NULL,
            adopted INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'ready'
        )
        """,
        """
        -- issue 5: snapshots (a tree per guest; state creating/ready/deleting/rollback so recovery can settle
        -- an interrupted operation) and the link from a linked clone to the template whose volumes back it.
        CREATE TABLE snapshots (
            guest_id INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            parent TEXT NULL,
            created_at TEXT NOT NULL,
            memory INTEGER NOT NULL DEFAULT 0,
            description TEXT NULL,
            state TEXT NOT NULL,
            current INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (guest_id, name)
        );
        CREATE TABLE linked_clones (
            clone_id INTEGER PRIMARY KEY REFERENCES guests(id) ON DELETE CASCADE,
            template_id INTEGER NOT NULL REFERENCES guests(id)
        )
        """,
        """
        -- The guest's config when a snapshot was taken (the running one for a RAM snapshot), so that a rollback
        -- brings back its CPUs and memory too. NULL for snapshots taken before this step.
        ALTER TABLE snapshots ADD COLUMN config_json TEXT NULL
        """,
        """
        -- issue 18: several password users; when each was made (NULL for an admin made before this step), and the
        -- guests a user is limited to (names joined by commas; NULL for every guest).
        ALTER TABLE users ADD COLUMN created_at TEXT NULL;
        ALTER TABLE users ADD COLUMN guests TEXT NULL
        """,
        """
        -- issue 18: the audit log of state changes, bounded by age and count (AuditLog). Read by time, and by user and time.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time TEXT NOT NULL,
            user TEXT NOT NULL,
            source TEXT NOT NULL,
            method TEXT NOT NULL,
            route TEXT NOT NULL,
            path TEXT NOT NULL,
            guest TEXT NULL,
            status INTEGER NOT NULL,
            task_id TEXT NULL
        );
        CREATE INDEX audit_time ON audit(time);
        CREATE INDEX audit_user_time ON audit(user, time)
        """,
        """
        -- issue 18: an optional TOTP second factor (RFC 6238) per user: the active secret (base32), one being set up
        -- until a code from it confirms it, and the last time step accepted, so that no code is accepted twice.
        ALTER TABLE users ADD COLUMN totp_secret TEXT NULL;
        ALTER TABLE users ADD COLUMN totp_pending TEXT NULL;
        ALTER TABLE users ADD COLUMN totp_last_step INTEGER NULL
        """,
        """
        -- issue 18: an API token limited to some guests, as a user can be (names joined by commas; NULL for every guest).
        ALTER TABLE tokens ADD COLUMN guests TEXT NULL
        """,
    ];
}
