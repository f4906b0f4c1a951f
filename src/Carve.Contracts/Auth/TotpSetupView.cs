namespace Carve.Contracts.Auth;

/// <summary>
/// A new TOTP secret (base32) and its otpauth:// URI for an authenticator app (as a QR code or typed in). It is not in
/// force until a code from it confirms it; an earlier one stays in force until then.
/// </summary>
public sealed record TotpSetupView(string Secret, string Uri);
