using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

/// <summary>
/// Finds a password whose NT hash ends in 00 00, which makes MS-CHAP's third DES key the weak key
/// 01 01 01 01 01 01 01 01. About one password in 65,536 does; the search is deterministic.
/// </summary>
internal static class WeakKeyPassword
{
    private static readonly Lazy<(string Password, byte[] Hash)> Found = new(Search);

    public static (string Password, byte[] Hash) Find() => Found.Value;

    private static (string, byte[]) Search()
    {
        var hash = new byte[NtPasswordHash.Length];
        for (var i = 0; i < 4_000_000; i++)
        {
            var password = "weak" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            NtPasswordHash.Compute(password, hash);
            if (hash[14] == 0 && hash[15] == 0)
            {
                return (password, hash);
            }
        }

        throw new InvalidOperationException("No password with a weak third DES key in the search range.");
    }
}
