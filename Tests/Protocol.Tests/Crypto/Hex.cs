namespace Orleans.Radius.Protocol.Tests.Crypto;

/// <summary>Reads hex dumps as the RFCs print them (spaces and line breaks between bytes).</summary>
internal static class Hex
{
    public static byte[] Parse(string dump) =>
        Convert.FromHexString(string.Concat(dump.Where(c => !char.IsWhiteSpace(c))));
}
