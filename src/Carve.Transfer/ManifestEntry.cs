using System.Security.Cryptography;

namespace Carve.Transfer;

/// <summary>The digest a manifest gives for one file: algorithm (SHA1, SHA256, SHA512) and lowercase hex.</summary>
public sealed record ManifestEntry(string Algorithm, string File, string Digest)
{
    public HashAlgorithmName HashName => Algorithm switch
    {
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA512" => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    public int HexLength => Algorithm switch { "SHA1" => 40, "SHA512" => 128, _ => 64 };
}
