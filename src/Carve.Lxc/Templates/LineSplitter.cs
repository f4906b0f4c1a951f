using System.Text;

namespace Carve.Lxc.Templates;

/// <summary>Turns output chunks (cut anywhere) back into whole lines.</summary>
public sealed class LineSplitter(Action<string> onLine)
{
    private readonly StringBuilder _partial = new();
    private readonly Lock _lock = new();

    public void Feed(string chunk)
    {
        lock (_lock)
        {
            foreach (var c in chunk)
            {
                if (c is '\n' or '\r')
                {
                    if (_partial.Length > 0)
                        onLine(_partial.ToString());
                    _partial.Clear();
                }
                else if (_partial.Length < 4096)
                {
                    _partial.Append(c);
                }
            }
        }
    }
}
