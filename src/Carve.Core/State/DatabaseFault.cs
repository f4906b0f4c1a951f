using Carve.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Carve.Core.State;

/// <summary>
/// The host refusing writes to Carve's database (its filesystem read-only or full, a failing disk): not a bug and
/// not the user's input, so the answer says what is wrong and that reads go on working. Only these SQLite codes are
/// translated; any other SqliteException stays a bug.
/// </summary>
public static class DatabaseFault
{
    private const int ReadOnly = 8;   // SQLITE_READONLY
    private const int IoError = 10;   // SQLITE_IOERR
    private const int Full = 13;      // SQLITE_FULL

    private const string Until = "changes are refused until that is fixed, and everything can still be read.";

    /// <summary>The sentence for a write the host refused, or null when <paramref name="e"/> is no such fault.</summary>
    public static CarveException? Explain(Exception e) => e is not SqliteException sqlite ? null : (sqlite.SqliteErrorCode & 0xff) switch
    {
        ReadOnly => new CarveException(503, "Carve's database is read-only (its filesystem was remounted read-only?): " + Until, e),
        Full => new CarveException(507, "Carve's database is on a full disk (the filesystem of carved's data dir): " + Until, e),
        IoError => new CarveException(503, "Carve's database could not be written (an I/O error from the disk of carved's data dir): " + Until, e),
        _ => null,
    };
}
