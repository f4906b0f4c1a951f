using Carve.Contracts.Auth;
using Carve.Core.Errors;
using Carve.Core.State;
using Carve.Core.Validation;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Auth;

/// <summary>
/// The optional TOTP second factor of password users. A new secret waits as "pending" until a code from it
/// confirms it, so a mistyped or unscanned secret never locks anyone out. Each accepted code's time step is kept,
/// and no code of that step or an earlier one is accepted again: a code seen over someone's shoulder is spent.
/// </summary>
public sealed class TotpService(Database db, TimeProvider time)
{
    /// <summary>A new pending secret for the user; one in force stays so until this one is confirmed.</summary>
    public TotpSetupView Begin(string user)
    {
        var secret = TotpCodes.NewSecret();
        using var c = db.Open();
        if (Database.Execute(c, "UPDATE users SET totp_pending = $s WHERE name = $n", ("$s", secret), ("$n", user)) == 0)
            throw UserService.NoSuchUser(user);
        return new TotpSetupView(secret, TotpCodes.Uri(user, secret));
    }

    /// <summary>Puts the pending secret in force, given a current code from it.</summary>
    public void Confirm(string user, string code)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var pending = Read(c, user).Pending
            ?? throw new ConflictException($"'{Names.Printable(user)}' has no new one-time code secret to confirm: enable it first.");
        if (TotpCodes.MatchingStep(pending, code, time.GetUtcNow()) is not { } step)
            throw new BadRequestException("That code does not match the new secret: type the code the app shows now, and check that the phone's clock is right.");
        Database.Execute(c, "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $s WHERE name = $n",
            ("$s", step), ("$n", user));
        tx.Commit();
    }

    /// <summary>Logging in needs the password alone again (an admin's way out for a user who lost the phone).</summary>
    public void Disable(string user)
    {
        using var c = db.Open();
        if (Database.Execute(c, "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE name = $n", ("$n", user)) == 0)
            throw UserService.NoSuchUser(user);
    }

    /// <summary>
    /// Whether the code is right for the user's secret in force and not yet spent; spends it. One UPDATE decides, so
    /// two logins racing with the same code cannot both pass.
    /// </summary>
    public static bool Accept(SqliteConnection c, string user, string secret, string? code, DateTimeOffset now) =>
        TotpCodes.MatchingStep(secret, code, now) is { } step
        && Database.Execute(c, "UPDATE users SET totp_last_step = $s WHERE name = $n AND totp_secret = $k AND (totp_last_step IS NULL OR totp_last_step < $s)",
            ("$s", step), ("$n", user), ("$k", secret)) == 1;

    private static (string? Secret, string? Pending) Read(SqliteConnection c, string user)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT totp_secret, totp_pending FROM users WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", user);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            throw UserService.NoSuchUser(user);
        return (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
    }
}
