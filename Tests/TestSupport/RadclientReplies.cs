namespace Orleans.Radius.Tests.Support;

/// <summary>Reads what <c>radclient -x</c> printed about the replies it received.</summary>
public static class RadclientReplies
{
    /// <summary>
    /// The attribute lines ("Name = value") radclient printed under each "Received …" header, one list per
    /// reply with the header first, so a value echoed from the request is never mistaken for one in the reply.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string standardOutput)
    {
        var replies = new List<IReadOnlyList<string>>();
        List<string>? current = null;
        foreach (var line in standardOutput.Split('\n'))
        {
            if (line.StartsWith("Received ", StringComparison.Ordinal))
            {
                current = [line.TrimEnd()];
                replies.Add(current);
            }
            else if (current is not null && line.StartsWith('\t'))
            {
                current.Add(line.Trim());
            }
            else
            {
                current = null;
            }
        }

        return replies;
    }
}
