using Carve.Host.Proc;

namespace Carve.Core.Tests.Host;

public sealed class ProcessStatTests
{
    /// <summary>A /proc/PID/stat line: fields 3..52 after "pid (comm)", with utime 14, stime 15 and starttime 22 set.</summary>
    internal static string StatLine(int pid, string comm, char state = 'S', long utime = 250, long stime = 50, long start = 123456)
    {
        var fields = Enumerable.Range(3, 50).Select(n => n switch
        {
            3 => state.ToString(),
            14 => utime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            15 => stime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            22 => start.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => (n * 7).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return $"{pid} ({comm}) {string.Join(' ', fields)}\n";
    }

    [Fact]
    public void Parses_a_plain_line()
    {
        var stat = ProcessStat.Parse(StatLine(4242, "qemu-system-x86"));
        Assert.Equal(new ProcessStat(4242, "qemu-system-x86", 'S', 250, 50, 123456), stat);
        Assert.Equal(3.0, stat!.CpuSeconds);
    }

    [Theory]
    [InlineData("my process")]
    [InlineData("a) (b c")]
    [InlineData("x) R 1 2 (y")]
    [InlineData("()")]
    [InlineData(")")]
    public void A_comm_with_spaces_and_parentheses_ends_at_the_last_parenthesis(string comm)
    {
        var stat = ProcessStat.Parse(StatLine(77, comm, state: 'R', utime: 1, stime: 2, start: 3));
        Assert.Equal(new ProcessStat(77, comm, 'R', 1, 2, 3), stat);
    }

    [Fact]
    public void A_zombie_state_is_read() =>
        Assert.Equal('Z', ProcessStat.Parse(StatLine(5, "defunct", state: 'Z'))!.State);

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("12 (short) S 1 2 3")]
    public void Malformed_text_gives_null(string text) => Assert.Null(ProcessStat.Parse(text));

    // The method promises null for text it cannot read; a line cut right after the comm must not throw.
    [Theory]
    [InlineData("12 (cut)")]
    [InlineData("12 (cut) ")]
    public void A_line_that_ends_at_the_comm_gives_null(string text) => Assert.Null(ProcessStat.Parse(text));
}
