using System.Text;
using Carve.Core.Errors;
using Carve.Transfer;

namespace Carve.Transfer.Tests;

public sealed class ManifestTests
{
    private const string Sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void Vmware_lines_in_every_algorithm_are_read()
    {
        var manifest = Manifest.Parse(Encoding.ASCII.GetBytes(
            $"SHA256(a.ovf)= {Sha256OfAbc.ToUpperInvariant()}\r\nSHA1(a-disk1.vmdk)=a9993e364706816aba3e25717850c26c9cd0d89d\n\n"));

        Assert.Equal(("SHA256", Sha256OfAbc), (manifest["a.ovf"].Algorithm, manifest["a.ovf"].Digest));
        DigestCheck.Verify("abc"u8.ToArray(), manifest["a.ovf"]);
        DigestCheck.Verify("abc"u8.ToArray(), manifest["a-disk1.vmdk"]);
        Assert.Contains("does not match", Assert.Throws<BadRequestException>(() => DigestCheck.Verify("abd"u8.ToArray(), manifest["a.ovf"])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MD5(a)= 900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("SHA256(a)= abc")]
    [InlineData("SHA256(../a)= " + Sha256OfAbc)]
    [InlineData("SHA256(a)= " + Sha256OfAbc + "\nSHA256(a)= " + Sha256OfAbc)]
    public void Lines_carve_cannot_trust_are_refused(string text) =>
        Assert.Throws<BadRequestException>(() => Manifest.Parse(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void The_written_form_is_what_vmware_writes() =>
        Assert.Equal($"SHA256(a.ovf)= {Sha256OfAbc}\n", Manifest.Format([("a.ovf", Sha256OfAbc)]));
}
