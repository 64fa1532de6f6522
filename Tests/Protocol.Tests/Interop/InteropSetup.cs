namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>The secret and users every interop test shares.</summary>
internal static class InteropSetup
{
    public const string Secret = "interop-shared-secret";
    public const string WrongSecret = "not-the-shared-secret";

    public const string Alice = "alice";
    public const string AlicePassword = "alice-password";

    // Non-ASCII: radclient sends UTF-8 for PAP and hashes UTF-16LE for MS-CHAP, and both must agree with us.
    public const string Carol = "carol";
    public const string CarolPassword = "Grüße-Überall-42";

    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        [Alice] = AlicePassword,
        [Carol] = CarolPassword,
    };

    public static LoopbackResponder StartResponder(string secret = Secret) => LoopbackResponder.Start(secret, Users);
}
