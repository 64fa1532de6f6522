using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>Reads what <c>radclient -x</c> printed about the replies it received.</summary>
internal static class RadclientOutput
{
    /// <summary>
    /// The attribute lines ("Name = value") radclient printed under each "Received …" header, one list per
    /// reply, so a value echoed from the request is never mistaken for one in the reply.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Replies(string standardOutput) => RadclientReplies.Parse(standardOutput);

    /// <summary>The only reply's lines: its header ("Received Access-Accept Id …") first, then its attributes.</summary>
    public static IReadOnlyList<string> SingleReply(string standardOutput) => Assert.Single(Replies(standardOutput));

    /// <summary>The printed value of <paramref name="attribute"/> in a reply's lines ("0x…" for octets).</summary>
    public static string Value(IReadOnlyList<string> reply, string attribute)
    {
        var prefix = attribute + " = ";
        var line = Assert.Single(reply, l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..];
    }

    /// <summary>Bytes printed as radclient prints octets ("0x" and lower-case hex).</summary>
    public static string Octets(ReadOnlySpan<byte> value) => "0x" + Convert.ToHexStringLower(value);
}
