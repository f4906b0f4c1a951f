using System.Xml.Linq;

namespace Carve.Transfer;

/// <summary>
/// Lookups by local name: writers disagree on prefixes and namespaces (rasd vs sasd, ovf: attributes or
/// plain ones), and the meaning is in the name.
/// </summary>
internal static class OvfXml
{
    public static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    public static string? Attr(XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration && a.Name.LocalName == localName)?.Value;
}
