using System.Xml;
using System.Xml.Linq;
using Carve.Core.Errors;

namespace Carve.Transfer;

/// <summary>
/// XML from packages: no DTD at all (so no entities, internal or external: no XXE, no billion laughs),
/// no resolver that could fetch anything, and a bound on size.
/// </summary>
internal static class SafeXml
{
    public static XDocument Load(byte[] bytes, string what)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ImportLimits.MaxDescriptorBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new BadRequestException($"The {what} contains a DTD (<!DOCTYPE>); packages with DTDs or entities are refused.");
        }
        catch (XmlException e)
        {
            throw new BadRequestException($"The {what} is not valid XML: {e.Message}");
        }
    }
}
