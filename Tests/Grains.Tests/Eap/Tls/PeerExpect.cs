namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// The peer's own protocol checks. They throw instead of using xunit's Assert so that the benchmarks can run the
/// same peer; in a test the exception fails the test all the same.
/// </summary>
internal static class PeerExpect
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("peer check failed: " + what);
        }
    }
}
